package p

x := split("a.b.c", ".")[1]
