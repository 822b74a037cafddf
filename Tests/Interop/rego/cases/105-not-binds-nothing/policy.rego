package p

x := [v | some v in input.xs; not v == 2]
