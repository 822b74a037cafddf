package p

f(a) := 1 if a > 0
f(a) := 2 if a > 1
x := f(5)
