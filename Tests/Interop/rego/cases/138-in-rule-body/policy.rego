package p

x if input.role in {"admin", "owner"}
