package p

x := y if {
  y := input.a * 2
}
