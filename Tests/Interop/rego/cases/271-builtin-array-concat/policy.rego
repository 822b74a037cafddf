package p

x := array.concat([1, 2], [3])
