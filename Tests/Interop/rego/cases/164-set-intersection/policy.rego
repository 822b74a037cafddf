package p

x := {1, 2, 3} & {2, 3, 4}
