package p

x := object.get({"a": 1}, [], "d")
