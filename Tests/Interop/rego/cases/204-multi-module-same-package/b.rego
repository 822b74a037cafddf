package p
x := a + 1
