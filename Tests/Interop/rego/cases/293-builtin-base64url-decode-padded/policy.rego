package p

x := base64url.decode("aGk=")
