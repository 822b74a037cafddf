package p

f(n) := "one" if n == 1 else := "other"
x := [f(1), f(2)]
