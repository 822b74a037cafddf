package p

x := 1 if input.a
x := 1 if input.b
