package p
a := 1
