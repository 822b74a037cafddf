# The pipeline example's policy: each stage may call the next one, and nothing else.
#   editor -> researcher -> writer -> reviewer
package hexr.authz

import rego.v1

default allow := false

next_stage := {"editor": "researcher", "researcher": "writer", "writer": "reviewer"}

registering if input.action.kind == "register"

registers_itself if {
	registering
	input.source.tenant
	input.source.agent
}

pipeline_edge if {
	input.action.kind == "a2a"
	input.source.tenant == "newsroom"
	input.destination.tenant == "newsroom"
	next_stage[input.source.agent] == input.destination.agent
}

allow if registers_itself

allow if pipeline_edge

reasons contains "agent registers itself" if registers_itself

reasons contains sprintf("%s hands over to %s", [input.source.agent, input.destination.agent]) if pipeline_edge

reasons contains sprintf("no edge %s -> %s in the pipeline policy", [source, destination]) if {
	not registering
	not pipeline_edge
	source := object.get(input.source, "spiffe_id", "anonymous")
	destination := object.get(input.destination, "spiffe_id", "?")
}

decision := {"allow": allow, "reasons": reasons}
