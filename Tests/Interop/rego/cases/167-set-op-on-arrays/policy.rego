package p

x := input.a | input.b
