package p

f(a) := a * 2
x := f(21)
