package p

x := [2 in {1, 2}, 3 in {1, 2}]
