package p

x := {lower(v) | some v in input.xs}
