package p

x := count([u | some u in input.users; u.admin])
