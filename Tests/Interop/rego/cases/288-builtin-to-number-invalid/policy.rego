package p

x := to_number("abc")
