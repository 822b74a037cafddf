package p

x := [10, 20, 30][i] if { i := 2 }
