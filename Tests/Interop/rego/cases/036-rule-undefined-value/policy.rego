package p

x := input.missing
