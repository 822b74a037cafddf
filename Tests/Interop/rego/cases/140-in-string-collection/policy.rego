package p

x := "a" in "abc"
