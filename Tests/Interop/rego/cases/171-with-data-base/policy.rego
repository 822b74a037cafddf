package p

y := count(data.items)
x := z if { z := y with data.items as [1, 2, 3] }
