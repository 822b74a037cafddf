package p

x := [1 in {"a": 1}, "a" in {"a": 1}]
