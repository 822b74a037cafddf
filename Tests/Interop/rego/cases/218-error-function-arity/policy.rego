package p

f(a) := a
x := f(1, 2, 3)
