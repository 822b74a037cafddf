package p

x := {v | some v in input.m}
