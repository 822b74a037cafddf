package p

x := [round(2.5), round(-2.5), ceil(1.2), floor(-1.2), round(3)]
