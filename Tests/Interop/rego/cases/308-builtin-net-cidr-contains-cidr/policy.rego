package p

x := [net.cidr_contains("10.0.0.0/8", "10.1.0.0/16"), net.cidr_contains("10.1.0.0/16", "10.0.0.0/8")]
