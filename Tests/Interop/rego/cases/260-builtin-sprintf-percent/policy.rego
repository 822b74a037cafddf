package p

x := sprintf("100%%", [])
