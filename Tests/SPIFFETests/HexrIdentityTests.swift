import Testing

@testable import SPIFFE

@Suite("Hexr identities")
struct HexrIdentityTests {
    @Test("agent IDs with and without a role")
    func agents() throws {
        let plain = try #require(HexrIdentity(SPIFFEID(parsing: "spiffe://hexr.local/agent/acme/planner")))
        #expect(plain.tenant == "acme")
        #expect(plain.agent == "planner")
        #expect(plain.role == nil)
        #expect(plain.service == nil)
        let withRole = try #require(HexrIdentity(SPIFFEID(parsing: "spiffe://hexr.local/agent/acme/planner/reader")))
        #expect(withRole.kind == .agent(tenant: "acme", agent: "planner", role: "reader"))
    }

    @Test("service IDs")
    func services() throws {
        let service = try #require(HexrIdentity(SPIFFEID(parsing: "spiffe://hexr.local/hexr/control-plane")))
        #expect(service.service == "control-plane")
        #expect(service.tenant == nil)
        #expect(service.agent == nil)
    }

    @Test(
        "other shapes are not Hexr identities",
        arguments: [
            "spiffe://hexr.local", "spiffe://hexr.local/agent", "spiffe://hexr.local/agent/acme",
            "spiffe://hexr.local/agent/acme/a/b/c", "spiffe://hexr.local/hexr", "spiffe://hexr.local/hexr/a/b",
            "spiffe://hexr.local/workload", "spiffe://hexr.local/Agent/acme/bot",
        ]
    )
    func others(text: String) throws {
        #expect(HexrIdentity(try SPIFFEID(parsing: text)) == nil)
    }

    @Test("building agent and service IDs validates the segments")
    func building() throws {
        let trustDomain = try TrustDomain(parsing: "hexr.local")
        let agent = try HexrIdentity.agentID(in: trustDomain, tenant: "acme", agent: "bot", role: "writer")
        #expect(agent.description == "spiffe://hexr.local/agent/acme/bot/writer")
        #expect(HexrIdentity(agent)?.role == "writer")
        #expect(
            try HexrIdentity.serviceID(in: trustDomain, service: "gateway").description
                == "spiffe://hexr.local/hexr/gateway")
        #expect(throws: SPIFFEIDError.badPathSegmentChar) {
            try HexrIdentity.agentID(in: trustDomain, tenant: "ac/me", agent: "bot")
        }
        #expect(throws: SPIFFEIDError.dotSegment) { try HexrIdentity.serviceID(in: trustDomain, service: "..") }
    }
}
