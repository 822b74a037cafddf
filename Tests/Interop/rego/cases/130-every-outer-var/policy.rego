package p

x if { lim := 5; every v in input.xs { v < lim } }
