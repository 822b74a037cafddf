package p

x if { some v in input.missing; v == 1 }
