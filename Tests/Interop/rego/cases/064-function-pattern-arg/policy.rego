package p

f([a, b]) := a + b
x := f([3, 4])
