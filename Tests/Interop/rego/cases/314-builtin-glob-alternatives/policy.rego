package p

x := [glob.match("{api,www}.example.com", ["."], "www.example.com"), glob.match("{api,www}.example.com", ["."], "ftp.example.com")]
