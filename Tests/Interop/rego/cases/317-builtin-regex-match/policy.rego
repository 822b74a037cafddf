package p

x := [regex.match("^[a-z]+-[0-9]+$", "abc-123"), regex.match("^[a-z]+$", "abc1")]
