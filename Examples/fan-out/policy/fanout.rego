# The fan-out example's policy: exactly the edges it needs, nothing else.
#   - every agent may register itself with the registry;
#   - the coordinator may use the research analysts' "research" skill (and read its own tasks);
#   - everything else is denied, with a reason that names the edge.
package hexr.authz

import rego.v1

default allow := false

registering if input.action.kind == "register"

registers_itself if {
	registering
	input.source.tenant
	input.source.agent
}

coordinator_to_analyst if {
	input.action.kind == "a2a"
	input.source.tenant == "acme-corp"
	input.destination.tenant == "acme-corp"
	input.source.agent == "coordinator"
	input.destination.agent == "research-analyst"
}

# Reads (GetTask, SubscribeToTask, ...) carry no skill.
research_skill if not input.action.skill

research_skill if input.action.skill == "research"

allow if registers_itself

allow if {
	coordinator_to_analyst
	research_skill
}

reasons contains "agent registers itself" if registers_itself

reasons contains "coordinator may use the research analysts" if {
	coordinator_to_analyst
	research_skill
}

reasons contains sprintf("the coordinator may only use the research skill, not %s", [input.action.skill]) if {
	coordinator_to_analyst
	not research_skill
}

reasons contains sprintf("no edge %s -> %s in the fan-out policy", [source, destination]) if {
	not registering
	not coordinator_to_analyst
	source := object.get(input.source, "spiffe_id", "anonymous")
	destination := object.get(input.destination, "spiffe_id", "?")
}

decision := {"allow": allow, "reasons": reasons}
