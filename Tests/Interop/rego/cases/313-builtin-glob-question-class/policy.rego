package p

x := [glob.match("a?c", [], "abc"), glob.match("[a-c]x", [], "bx"), glob.match("[!a-c]x", [], "bx"), glob.match("[!a-c]x", [], "zx")]
