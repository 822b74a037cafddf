package p

x := {k | input.m[k]}
