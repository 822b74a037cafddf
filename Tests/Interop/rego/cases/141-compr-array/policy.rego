package p

x := [v * 2 | some v in input.xs]
