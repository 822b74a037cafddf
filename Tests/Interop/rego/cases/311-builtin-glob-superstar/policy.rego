package p

x := glob.match("**.example.com", ["."], "a.b.example.com")
