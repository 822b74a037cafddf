package p

x := y if { y > 1; y := input.n }
