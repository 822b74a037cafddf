package p

x := trim_space(" \t\n padded \r\n ")
