package p

o[upper(k)] := count(v) if { some k, v in input.m }
x := o
