package p

y := 1
z := y + 1
x := v if { v := z with data.p.y as 10 }
