package p

x if not input.n == 3
