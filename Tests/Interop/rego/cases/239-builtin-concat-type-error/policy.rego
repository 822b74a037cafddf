package p

x := concat(",", input.xs)
