package p

y if input.a
x if not y
