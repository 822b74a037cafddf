package p

x := {k | v := input.m[k]; v > 1}
