package p

x := [glob.match("a\\*b", [], "a*b"), glob.match("a\\*b", [], "axb")]
