package p

x := 5 % 0
