package p

x := 2.0
