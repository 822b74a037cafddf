package p

# leading comment
x := 1 # trailing
# another
