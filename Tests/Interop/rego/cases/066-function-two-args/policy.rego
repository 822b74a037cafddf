package p

f(a, b) := concat("-", [a, b])
x := f("x", "y")
