package p

s contains "a" if input.a
s contains "b" if input.b
s contains "c"
x := s
