package p.q
v := 1
