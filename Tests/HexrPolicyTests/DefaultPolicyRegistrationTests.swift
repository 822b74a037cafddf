import HexrPolicy
import SPIFFE
import Testing

/// The default policy's rule for `register`: agent identities only.
@Suite struct DefaultPolicyRegistrationTests {
    private func decide(source: String) throws -> AuthorizationDecision {
        try PolicyBundle.defaultPolicy().decide(AuthorizationInput(
            source: .init(try SPIFFEID(parsing: source)),
            destination: .init(try SPIFFEID(parsing: "spiffe://hexr.local/hexr/registry")),
            action: .init(kind: .register)))
    }

    @Test func agentIdentitiesMayRegister() throws {
        let decision = try decide(source: "spiffe://hexr.local/agent/acme/researcher/r1")
        #expect(decision.allow)
        #expect(decision.reasons == ["agent registers itself"])
    }

    @Test(arguments: ["spiffe://hexr.local/hexr/cli", "spiffe://hexr.local/workload/x", "spiffe://other.example/agent"])
    func otherIdentitiesMayNot(source: String) throws {
        let decision = try decide(source: source)
        #expect(!decision.allow)
        #expect(decision.reasons == ["only agent identities may register"])
    }
}
