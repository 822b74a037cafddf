package p

g(a) := a + 1
f(a) := g(a) * 2
x := f(1)
