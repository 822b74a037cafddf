package p

x := 200 if {
  input.method == "GET"
} else := 403 if {
  input.method == "POST"
} else := 500
