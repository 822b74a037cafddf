package p

x := sprintf("%v|%v|%v|%v", ["s", 1, 1.5, true])
