package p

x := no_such_function(1)
