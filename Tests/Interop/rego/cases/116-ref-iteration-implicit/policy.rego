package p

x := [i | input.xs[i] == "b"]
