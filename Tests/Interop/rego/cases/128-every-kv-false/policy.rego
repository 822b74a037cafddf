package p

x if {
  every k, v in input.m { startswith(v, k) }
}
