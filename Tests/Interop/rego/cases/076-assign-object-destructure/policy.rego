package p

x := v if { {"k": v} := input.o }
