package p

x := [[i, j] | input.m[i][j] == 1]
