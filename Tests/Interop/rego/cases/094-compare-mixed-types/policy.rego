package p

x := [null < false, false < 0, 0 < "", "" < [], [] < {}]
