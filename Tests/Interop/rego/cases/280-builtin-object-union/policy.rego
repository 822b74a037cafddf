package p

x := object.union({"a": 1, "n": {"x": 1, "y": 1}}, {"b": 2, "n": {"y": 2}})
