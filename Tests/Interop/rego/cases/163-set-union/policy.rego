package p

x := {1, 2} | {2, 3}
