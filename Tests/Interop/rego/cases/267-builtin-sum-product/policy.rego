package p

x := [sum([1, 2, 3.5]), product([2, 3]), sum([]), product(set())]
