package p

x := "same" if { some v in input.vs; v > 0 }
