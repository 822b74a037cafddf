package p

x := data.roles[input.user]
