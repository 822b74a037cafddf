package p

f(a) := "neg" if a < 0
f(a) := "pos" if a > 0
f(0) := "zero"
x := [f(-1), f(0), f(3)]
