package p

x := concat(",", {"b", "a"})
