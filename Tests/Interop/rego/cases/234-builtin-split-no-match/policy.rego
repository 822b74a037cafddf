package p

x := split("abc", ",")
