package p

x := concat(",", [])
