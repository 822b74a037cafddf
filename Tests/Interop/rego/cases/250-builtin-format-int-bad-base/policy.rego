package p

x := format_int(10, 3)
