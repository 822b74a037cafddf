package p

x := input.m[input.k]
