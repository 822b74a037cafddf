package p

allow if input.user == "alice"
x if not allow with input.user as "bob"
