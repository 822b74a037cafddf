package p

x if input.a == 1
x if input.b == 1
