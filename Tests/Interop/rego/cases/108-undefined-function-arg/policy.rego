package p

x := upper(input.missing)
