package p

x if {
  every v in {"a": 1, "b": 2} { v > 0 }
}
