# Same tenant may call anything but the "forbidden" skill; agents register themselves.
package hexr.authz

import rego.v1

default allow := false

registers if {
	input.action.kind == "register"
	input.source.agent
}

forbidden if input.action.skill == "forbidden"

same_tenant if {
	input.action.kind == "a2a"
	input.source.tenant == input.destination.tenant
}

allow if registers

allow if {
	same_tenant
	not forbidden
}

reasons contains "agent registers itself" if registers

reasons contains "same tenant" if {
	same_tenant
	not forbidden
}

reasons contains "the forbidden skill is never allowed" if forbidden

decision := {"allow": allow, "reasons": reasons}
