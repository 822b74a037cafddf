package p

x if input.missing.deeper == 1
