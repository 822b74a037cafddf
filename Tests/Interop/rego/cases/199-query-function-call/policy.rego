package p

f(n) := n * 10
