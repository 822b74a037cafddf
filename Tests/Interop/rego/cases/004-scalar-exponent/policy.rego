package p

x := 1e3
