package p

x := [v | some v in input.xs; v > 10]
