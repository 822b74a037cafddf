package p

x := {"a": input.missing}
