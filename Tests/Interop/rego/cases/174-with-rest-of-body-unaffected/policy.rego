package p

x := [v, input.n] if { v := input.n with input.n as 2 }
