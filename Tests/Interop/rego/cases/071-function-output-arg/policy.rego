package p

x if { split("a.b", ".", parts); parts[1] == "b" }
