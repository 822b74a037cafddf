package p

x := time.parse_rfc3339_ns("yesterday")
