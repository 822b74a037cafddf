package p

f(a) := "big" if a > 10
x := f(1)
