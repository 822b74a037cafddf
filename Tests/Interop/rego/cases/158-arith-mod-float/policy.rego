package p

x := 5.5 % 2
