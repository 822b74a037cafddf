package p

x := [base64.encode("hello?"), base64.decode("aGVsbG8/"), base64url.encode("hello?")]
