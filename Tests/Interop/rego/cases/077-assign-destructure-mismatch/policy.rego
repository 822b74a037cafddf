package p

x := b if { [a, b] := input.arr }
