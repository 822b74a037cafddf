import Rego

/// The default Hexr authorization policy (package `hexr.authz`), as shipped to users.
enum DefaultHexrPolicyFixture {
    static let source = """
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
        """

    static func peer(_ tenant: String, _ agent: String) -> RegoValue {
        [
            "spiffe_id": .string("spiffe://hexr.local/agent/\(tenant)/\(agent)"), "trust_domain": "hexr.local",
            "tenant": .string(tenant), "agent": .string(agent),
        ]
    }

    static func input(from source: (String, String), to destination: (String, String), skill: String = "research") -> RegoValue {
        [
            "source": peer(source.0, source.1), "destination": peer(destination.0, destination.1),
            "action": ["kind": "a2a", "method": "SendMessage", "skill": .string(skill)],
            "request": ["time": "2026-11-25T10:00:00Z", "trace_id": "0af7651916cd43dd8448eb211c80319c"],
        ]
    }

    static let grants: RegoValue = [
        "grants": [
            [
                "source": "spiffe://hexr.local/agent/acme/coordinator",
                "destination": "spiffe://hexr.local/agent/globex/analyst",
            ],
            [
                "source": "spiffe://hexr.local/agent/acme/bot", "destination": "spiffe://hexr.local/agent/globex/analyst",
                "skill": "summarize",
            ],
        ]
    ]
}
