package p

x := intersection({{1, 2, 3}, {2, 3}, {3, 2, 9}})
