package p

x := sprintf("%s %s", ["a"])
