package p

x := [1 != 2, "a" != "a", null != false]
