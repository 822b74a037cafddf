package p

x if { every v in input.missing { v > 0 } }
