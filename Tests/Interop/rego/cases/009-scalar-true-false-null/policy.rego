package p

x := [true, false, null]
