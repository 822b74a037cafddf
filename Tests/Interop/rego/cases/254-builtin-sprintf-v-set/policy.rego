package p

x := sprintf("%v", [{1, 2}])
