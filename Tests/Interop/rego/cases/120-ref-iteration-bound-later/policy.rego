package p

x := [v | v := input.xs[i]; i > 0]
