package p

x := [k | some k in [0, 1, 2]; k, "b" in ["a", "b"]]
