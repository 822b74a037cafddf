package p

x := object.union({"a": {"x": 1}}, {"a": 5})
