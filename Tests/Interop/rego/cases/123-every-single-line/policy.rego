package p

x if every v in input.xs { v > 0 }
