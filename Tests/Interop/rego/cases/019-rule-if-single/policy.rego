package p

x if input.a == 1
