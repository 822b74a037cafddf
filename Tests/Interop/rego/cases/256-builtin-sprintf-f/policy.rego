package p

x := sprintf("%f|%.2f|%.0f", [1.5, 3.14159, 2.5])
