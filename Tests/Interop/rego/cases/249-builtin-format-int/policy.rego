package p

x := [format_int(255, 16), format_int(8, 2), format_int(-10, 10), format_int(7.9, 10), format_int(64, 8)]
