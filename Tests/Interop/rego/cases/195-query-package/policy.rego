package p

a := 1
b := [2]
f(n) := n
c if false
