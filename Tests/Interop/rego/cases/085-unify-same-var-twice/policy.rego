package p

x := a if { [a, a] = [1, 1] }
