package p

default x := "no"
x := "yes" if input.ok
