package a.b
x := 1
