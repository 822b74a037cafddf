package p

default x := false
x if input.n > 3
