package p

x := b if { [a, b] := [1, 2] }
