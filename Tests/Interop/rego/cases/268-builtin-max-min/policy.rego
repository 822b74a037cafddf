package p

x := [max([3, 1, 2]), min({3, 1, 2}), max(["a", "b"])]
