package p

x := [v | some v in {3, 1, 2}]
