package p

x if { y := 3; y == 3 }
