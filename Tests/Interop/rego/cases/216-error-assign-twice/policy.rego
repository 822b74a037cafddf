package p

x if { y := 1; y := 2 }
