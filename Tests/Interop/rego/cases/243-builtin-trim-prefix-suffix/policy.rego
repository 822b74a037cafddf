package p

x := [trim_prefix("prefix-body", "prefix-"), trim_prefix("body", "x"), trim_suffix("body.json", ".json")]
