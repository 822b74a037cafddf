package p

x := [sort([3, 1, 2]), sort({"b", "a"}), sort(["b", 1, null])]
