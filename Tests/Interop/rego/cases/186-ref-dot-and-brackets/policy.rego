package p

x := input.a["b-c"].d[1]
