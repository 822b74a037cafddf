package p

x := regex.match("b+", "aabbcc")
