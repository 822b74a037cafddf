package p

x := sprintf(input.n, [])
