package p

x if input.role = "admin"
