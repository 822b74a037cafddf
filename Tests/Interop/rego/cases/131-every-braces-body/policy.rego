package p

x if {
  every u in input.users {
    u.active
    u.age >= 18
  }
}
