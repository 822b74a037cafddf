package p

x := input.s[0]
