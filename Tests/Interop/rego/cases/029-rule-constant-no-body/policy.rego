package p

x := {"a": [1, 2]}
