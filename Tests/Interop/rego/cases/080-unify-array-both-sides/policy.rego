package p

x := [a, b] if { [a, 1] = [2, b] }
