package p

x := sprintf("[%5d][%-5d][%05d][%5s]", [42, 42, 42, "ab"])
