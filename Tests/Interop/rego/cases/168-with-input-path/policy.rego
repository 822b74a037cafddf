package p

y if input.role == "admin"
x if y with input.role as "admin"
