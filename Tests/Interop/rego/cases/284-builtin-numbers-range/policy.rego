package p

x := [numbers.range(1, 3), numbers.range(3, 1)]
