package p

x := [net.cidr_contains("2001:db8::/32", "2001:db8::1"), net.cidr_contains("2001:db8::/32", "2001:db9::1"), net.cidr_contains("::/0", "fe80::1")]
