package p

x := [array.slice([1, 2, 3, 4], 1, 3), array.slice([1, 2], 0, 10), array.slice([1, 2], 2, 1)]
