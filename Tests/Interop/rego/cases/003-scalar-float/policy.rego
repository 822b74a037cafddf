package p

x := 3.25
