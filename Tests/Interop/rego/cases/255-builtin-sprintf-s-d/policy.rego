package p

x := sprintf("%s has %d items", ["cart", 3])
