package p

x := max([])
