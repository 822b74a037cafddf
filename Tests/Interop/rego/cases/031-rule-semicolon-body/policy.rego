package p

x if { input.a == 1; input.b == 2 }
