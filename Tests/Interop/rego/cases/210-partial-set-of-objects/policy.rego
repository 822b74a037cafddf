package p

s contains {"id": u.id} if { some u in input.users; u.active }
x := s
