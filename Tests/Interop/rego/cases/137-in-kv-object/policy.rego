package p

x := [k | some k in ["a", "b"]; k, 1 in {"a": 1, "b": 2}]
