package p

x := 42
