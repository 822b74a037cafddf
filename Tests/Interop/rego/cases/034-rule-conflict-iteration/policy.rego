package p

x := v if { some v in input.vs }
