package p

x := {u.id: u.name | some u in input.users}
