package q
v := 5
