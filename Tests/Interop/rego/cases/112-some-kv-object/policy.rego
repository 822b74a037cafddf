package p

x := [[k, v] | some k, v in input.m]
