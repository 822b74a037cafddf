package p

x := [regex.match("^a{2,3}$", "aaa"), regex.match("^a{2,3}$", "aaaa"), regex.match("^(ab)*$", "ababab")]
