package p

x if true
