package p

x := io.jwt.decode("not.a.jwt.token")
