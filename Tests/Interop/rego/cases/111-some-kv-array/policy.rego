package p

x := [[i, v] | some i, v in input.xs]
