package p

default b := false
a if input.n > 5
b if a
x := [v, b] if { v := b with input.n as 10 }
