package p

x := sprintf("%v %v", [[1, "a"], {"k": "v"}])
