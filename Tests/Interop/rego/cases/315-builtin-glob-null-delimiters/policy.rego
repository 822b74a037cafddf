package p

x := glob.match("a*", null, "a.b/c")
