package p

x := input["not"].in
