package p

x := [object.get({"a": 1}, "a", 0), object.get({"a": 1}, "b", 0), object.get({"a": {"b": 2}}, ["a", "b"], 0), object.get({"a": {"b": 2}}, ["a", "c"], "d")]
