package p

x := [regex.match("^\\d{3}-\\w+\\s?$", "123-ab_c "), regex.match("^\\D+$", "12")]
