package p

is_admin(u) if u.role == "admin"
x := [u.name | some u in input.users; is_admin(u)]
