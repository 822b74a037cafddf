package p

x := count(input.n)
