package p

x := [endswith("file.rego", ".rego"), endswith("a", "ba")]
