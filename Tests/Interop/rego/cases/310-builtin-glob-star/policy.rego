package p

x := [glob.match("*.example.com", ["."], "api.example.com"), glob.match("*.example.com", ["."], "a.b.example.com")]
