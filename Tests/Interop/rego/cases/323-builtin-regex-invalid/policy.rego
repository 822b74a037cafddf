package p

x := regex.match("(unclosed", "x")
