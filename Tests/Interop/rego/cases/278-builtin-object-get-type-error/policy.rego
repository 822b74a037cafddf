package p

x := object.get(input.xs, 0, "d")
