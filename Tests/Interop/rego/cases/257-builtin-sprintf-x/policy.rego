package p

x := sprintf("%x|%X|%o", [255, 255, 8])
