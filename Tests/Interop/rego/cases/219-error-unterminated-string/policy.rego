package p

x := "abc
