package p

x := {3, 1, 2, 1}
