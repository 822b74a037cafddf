package p

x := [a, c] if { [a, {"k": [b, c]}] = [1, {"k": [2, 3]}] }
