package p

x := startswith(input.n, "a")
