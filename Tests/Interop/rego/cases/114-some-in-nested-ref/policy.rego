package p

x := [n | some u in input.users; some n in u.names]
