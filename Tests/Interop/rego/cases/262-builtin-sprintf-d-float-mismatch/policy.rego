package p

x := sprintf("%d", [1.5])
