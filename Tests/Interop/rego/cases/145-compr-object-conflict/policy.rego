package p

x := {"k": v | some v in input.xs}
