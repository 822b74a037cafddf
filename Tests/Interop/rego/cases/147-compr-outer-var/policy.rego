package p

x := ys if { lim := 2; ys := [v | some v in input.xs; v >= lim] }
