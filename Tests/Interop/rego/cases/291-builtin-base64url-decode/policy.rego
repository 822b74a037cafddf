package p

x := base64url.decode("eyJhbGciOiJIUzI1NiJ9")
