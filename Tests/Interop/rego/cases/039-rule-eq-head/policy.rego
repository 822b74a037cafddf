package p

x = 7
