package p

x := enc if { [_, enc] := split(input.h, " ") }
