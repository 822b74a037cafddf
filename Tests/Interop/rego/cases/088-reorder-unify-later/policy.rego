package p

x := z if { z == 4; z = input.n }
