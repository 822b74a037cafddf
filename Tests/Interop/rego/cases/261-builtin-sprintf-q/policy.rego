package p

x := sprintf("%q", ["quote\"me"])
