package p

x := sprintf("%x", ["hi"])
