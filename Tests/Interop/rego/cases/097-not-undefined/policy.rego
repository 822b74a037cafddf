package p

x if not input.missing
