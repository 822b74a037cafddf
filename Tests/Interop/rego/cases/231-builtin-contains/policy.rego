package p

x := [contains("hello", "ell"), contains("hello", "xyz"), contains("a", "")]
