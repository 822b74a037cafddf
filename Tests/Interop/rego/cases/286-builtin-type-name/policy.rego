package p

x := [type_name(null), type_name(true), type_name(1), type_name("s"), type_name([]), type_name({}), type_name(set())]
