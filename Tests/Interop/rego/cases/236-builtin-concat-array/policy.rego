package p

x := concat("/", ["a", "b", "c"])
