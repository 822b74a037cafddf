package p

x := input.xs[0.5]
