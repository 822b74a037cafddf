package hexr.authz
import rego.v1
default allow := false
same_tenant if input.source.tenant == input.destination.tenant
granted if {
  some g in data.grants
  g.source == input.source.spiffe_id
  g.destination == input.destination.spiffe_id
  not g.skill
}
granted if {
  some g in data.grants
  g.source == input.source.spiffe_id
  g.destination == input.destination.spiffe_id
  g.skill == input.action.skill
}
allow if same_tenant
allow if granted
reasons contains "same tenant" if same_tenant
reasons contains "explicit grant" if granted
reasons contains "cross-tenant call without a grant" if { not same_tenant; not granted }
decision := {"allow": allow, "reasons": reasons}
