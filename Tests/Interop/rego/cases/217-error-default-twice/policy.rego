package p

default x := 1
default x := 2
