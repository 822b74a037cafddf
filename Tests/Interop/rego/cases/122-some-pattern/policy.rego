package p

x := [a | some [a, 1] in input.pairs]
