package p

x := intersection(set())
