package p

x := [1, input.missing]
