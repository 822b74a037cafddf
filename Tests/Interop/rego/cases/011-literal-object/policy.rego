package p

x := {"b": 1, "a": {"c": [true]}}
