package p

x if not input.xs[_] == "bad"
