package p

f(a) := "big" if a > 10
x := [f(11), f(20)]
