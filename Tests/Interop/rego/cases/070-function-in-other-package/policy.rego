package lib
double(n) := n * 2
