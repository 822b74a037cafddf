package p

input := 1
