package p

x := input.xs[5]
