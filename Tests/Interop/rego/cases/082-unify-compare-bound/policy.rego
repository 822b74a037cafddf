package p

x if { y := 2; y = 2 }
