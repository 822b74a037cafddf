package p

x := [abs(-5), abs(2.5), abs(0)]
