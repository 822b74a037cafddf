package p

x := {}
