package p

x := [startswith("spiffe://a", "spiffe://"), startswith("a", "ab")]
