package p

x := y if { input.a = y }
