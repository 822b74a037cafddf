package p

r1 := 1
r2 := 2
x := count(data.p)
