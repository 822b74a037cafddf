package p

x if not input.role in ["admin"]
