package p

y := input.deep.er
x := z if { z := y with input.deep.er as 3 }
