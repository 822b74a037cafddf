package p

y := 5
x := y + 1
