package p

x := time.parse_rfc3339_ns("2026-01-01T01:30:00.5+01:30")
