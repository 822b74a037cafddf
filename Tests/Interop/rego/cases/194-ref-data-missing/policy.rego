package p

x := data.nothing.here
