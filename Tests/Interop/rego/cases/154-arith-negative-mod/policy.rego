package p

x := [-7 % 3, 7 % -3]
