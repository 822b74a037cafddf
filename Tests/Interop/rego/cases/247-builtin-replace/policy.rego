package p

x := replace("a.b.c", ".", "/")
