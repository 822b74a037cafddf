package p

x := set()
