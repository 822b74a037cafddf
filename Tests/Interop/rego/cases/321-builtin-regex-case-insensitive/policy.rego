package p

x := regex.match("(?i)^hello$", "HeLLo")
