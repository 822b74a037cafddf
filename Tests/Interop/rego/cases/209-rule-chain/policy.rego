package p

a := input.n + 1
b := a * 2
c := [a, b]
x := c
