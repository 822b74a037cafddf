package p

x := {k: count(v) | some k, v in input.m}
