package p

default x := 0
x := 1 if input.a else := 2 if input.b
