package hexr.patterns
import rego.v1
default allow := false
allow if {
  some pattern in data.allowed_callers[input.destination.agent]
  glob.match(pattern, ["/"], input.source.spiffe_id)
}
