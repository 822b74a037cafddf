package p

x if not input.flag
