package p

x := [z | some y in input.xs; z := y * 2]
