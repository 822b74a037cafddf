package p

x := [strings.any_prefix_match("spiffe://x/y", ["http://", "spiffe://"]), strings.any_prefix_match(["a", "b"], "c"), strings.any_prefix_match({"ab"}, {"a"})]
