package p

x := 1 if input.a
x := 2 if input.b
