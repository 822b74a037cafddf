package p

o := {"k": {"n": 1}}
