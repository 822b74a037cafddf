package p

o[k] := v if { some k, v in input.m; v > 1 }
x := o
