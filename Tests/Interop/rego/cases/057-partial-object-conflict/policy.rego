package p

o[k] := v if { some v in input.xs; k := "same" }
x := o
