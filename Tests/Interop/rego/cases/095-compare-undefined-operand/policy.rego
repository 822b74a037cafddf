package p

x if input.missing == 1
