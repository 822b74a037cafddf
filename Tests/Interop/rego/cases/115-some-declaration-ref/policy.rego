package p

x := [i | some i; input.xs[i] == "b"]
