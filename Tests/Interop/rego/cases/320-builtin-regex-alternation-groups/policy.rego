package p

x := [regex.match("^(foo|bar)(baz)?$", "barbaz"), regex.match("^(?:foo|bar)$", "qux")]
