package p

x := [hex.encode("hi"), hex.decode("6869")]
