package p

o[k] := v if { some k, v in input.m }
x := o.b
