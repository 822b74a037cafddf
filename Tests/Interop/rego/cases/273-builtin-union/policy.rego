package p

x := union({{1, 2}, {2, 3}, set()})
