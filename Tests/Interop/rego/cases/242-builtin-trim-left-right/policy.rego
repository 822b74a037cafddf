package p

x := [trim_left("xxaxx", "x"), trim_right("xxaxx", "x")]
