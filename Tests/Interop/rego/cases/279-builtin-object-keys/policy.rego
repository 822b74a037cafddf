package p

x := object.keys({"b": 1, "a": 2})
