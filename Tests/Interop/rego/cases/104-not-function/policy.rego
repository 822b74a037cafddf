package p

f(a) if a > 1
x if not f(0)
