package p

x := ["b" in ["a", "b"], "z" in ["a"]]
