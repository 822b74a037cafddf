package p

s contains v if { some v in input.xs; v > 1 }
x := s
