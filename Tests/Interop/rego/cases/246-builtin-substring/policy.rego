package p

x := [substring("hello", 1, 3), substring("hello", 2, -1), substring("hello", 9, 2)]
