package p

x := time.parse_rfc3339_ns("2026-01-01T00:00:00Z")
