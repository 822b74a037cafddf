package p

x := [trim("  xx  ", " "), trim("--a-b--", "-"), trim("abcba", "ab")]
