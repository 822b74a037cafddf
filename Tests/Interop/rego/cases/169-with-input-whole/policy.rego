package p

y := input.a
x := z if { z := y with input as {"a": 9} }
