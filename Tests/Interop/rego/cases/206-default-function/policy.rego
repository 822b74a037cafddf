package p

default f(_) := "none"
f(n) := "pos" if n > 0
x := [f(1), f(-1)]
