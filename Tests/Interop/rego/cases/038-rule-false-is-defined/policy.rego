package p

x := input.flag
