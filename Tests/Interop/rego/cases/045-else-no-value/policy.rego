package p

x if input.a else := false
