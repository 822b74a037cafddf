package p

x if { y > 1 }
