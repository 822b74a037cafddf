package p

y := [input.a, input.b]
x := v if { v := y with input.a as 1 with input.b as 2 }
