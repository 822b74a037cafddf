package p

s contains v if { some v in input.xs; v > 10 }
x := s
