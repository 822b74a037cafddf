package p

x := "a" if input.n == 1 else := "b" if input.n == 2 else := "c"
