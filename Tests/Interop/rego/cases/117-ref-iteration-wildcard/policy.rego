package p

x if input.xs[_] == 3
