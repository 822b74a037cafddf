package p

x := split("", ",")
