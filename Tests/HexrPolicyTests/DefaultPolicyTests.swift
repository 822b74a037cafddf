import Foundation
import HexrPolicy
import Rego
import SPIFFE
import Testing

@Suite struct DefaultPolicyTests {
    @Test func sameTenantIsAllowed() throws {
        let decision = try PolicyBundle.defaultPolicy().decide(try Inputs.sameTenant())
        #expect(decision.allow)
        #expect(decision.reasons == ["same tenant"])
    }

    @Test func crossTenantWithoutGrantIsDenied() throws {
        let decision = try PolicyBundle.defaultPolicy().decide(try Inputs.crossTenant())
        #expect(!decision.allow)
        #expect(decision.reasons == ["cross-tenant call without a grant"])
    }

    @Test func grantInDataAllowsCrossTenant() throws {
        let bundle = try PolicyBundle.defaultPolicy(data: try RegoValue(jsonString: Inputs.grantData()))
        let decision = bundle.decide(try Inputs.crossTenant())
        #expect(decision.allow)
        #expect(decision.reasons == ["explicit grant"])
    }

    @Test func grantAllowsOneDirectionOnly() throws {
        let bundle = try PolicyBundle.defaultPolicy(data: try RegoValue(jsonString: Inputs.grantData()))
        let reverse = Inputs.call(from: try Inputs.agent("globex", "researcher"),
                                  to: try Inputs.agent("acme", "coordinator"))
        let decision = bundle.decide(reverse)
        #expect(!decision.allow)
        #expect(decision.reasons == ["cross-tenant call without a grant"])
    }

    @Test func skillScopedGrantAllowsOnlyThatSkill() throws {
        let bundle = try PolicyBundle.defaultPolicy(
            data: try RegoValue(jsonString: Inputs.grantData(skill: "summarize")))
        let granted = bundle.decide(try Inputs.crossTenant(skill: "summarize"))
        #expect(granted.allow)
        #expect(granted.reasons == ["explicit grant"])
        #expect(!bundle.decide(try Inputs.crossTenant(skill: "translate")).allow)
        #expect(!bundle.decide(try Inputs.crossTenant()).allow)
    }

    @Test func theTrustDomainsOperatorMayCallAnyAgentOfIt() throws {
        let target = try Inputs.agent("globex", "researcher")
        let decision = try PolicyBundle.defaultPolicy().decide(Inputs.call(
            from: .init(try SPIFFEID(parsing: "spiffe://hexr.local/hexr/cli")), to: target))
        #expect(decision.allow)
        #expect(decision.reasons == ["operator CLI"])
    }

    @Test func lookAlikeOperatorsAreDenied() throws {
        let target = try Inputs.agent("globex", "researcher")
        for impostor in ["spiffe://other.domain/hexr/cli", "spiffe://hexr.local/hexr/cli2",
                         "spiffe://hexr.local/hexr/registry", "spiffe://hexr.local/agent/acme/cli"] {
            let decision = try PolicyBundle.defaultPolicy().decide(Inputs.call(
                from: .init(try SPIFFEID(parsing: impostor)), to: target))
            #expect(!decision.allow, "\(impostor)")
        }
    }

    @Test func anonymousSourceIsDenied() throws {
        let bundle = try PolicyBundle.defaultPolicy()
        let toAgent = bundle.decide(Inputs.call(from: .anonymous, to: try Inputs.agent("acme", "writer")))
        #expect(!toAgent.allow)
        #expect(toAgent.reasons == ["cross-tenant call without a grant"])
        // Two principals without tenants are not "the same tenant".
        #expect(!bundle.decide(Inputs.call(from: .anonymous, to: .anonymous)).allow)
    }

    @Test func anonymousSourceIsNotGrantedByAnEmptyGrant() throws {
        let data = try RegoValue(jsonString: #"{"grants":[{"source":"","destination":""}]}"#)
        let bundle = try PolicyBundle.defaultPolicy(data: data)
        #expect(!bundle.decide(Inputs.call(from: .anonymous, to: try Inputs.agent("acme", "writer"))).allow)
    }

    @Test func envoyPrincipalAliasesAreUsableFromACustomPolicy() throws {
        let source = """
            package hexr.authz

            default allow := false

            allow if {
                input.attributes.source.principal == "spiffe://hexr.local/agent/acme/coordinator"
                input.attributes.destination.principal == "spiffe://hexr.local/agent/globex/researcher"
            }

            decision := {"allow": allow, "reasons": ["envoy-style"]}
            """
        let bundle = try PolicyBundle(sources: [("envoy.rego", source)])
        let allowed = bundle.decide(try Inputs.crossTenant())
        #expect(allowed.allow)
        #expect(allowed.reasons == ["envoy-style"])
        let otherSource = Inputs.call(from: try Inputs.agent("acme", "writer"), to: try Inputs.agent("globex", "researcher"))
        #expect(!bundle.decide(otherSource).allow)
    }

    @Test func inputDocumentHasTheDocumentedShape() throws {
        let input = Inputs.call(from: try Inputs.agent("acme", "coordinator"), to: try Inputs.agent("acme", "writer"),
                                skill: "summarize", traceID: "4bf92f3577b34da6a3ce929d0e0e4736",
                                time: Date(timeIntervalSince1970: 1_795_641_600.25))
        let expected = try RegoValue(jsonString: """
            {"source": {"spiffe_id": "spiffe://hexr.local/agent/acme/coordinator", "trust_domain": "hexr.local",
                        "tenant": "acme", "agent": "coordinator"},
             "destination": {"spiffe_id": "spiffe://hexr.local/agent/acme/writer", "trust_domain": "hexr.local",
                             "tenant": "acme", "agent": "writer"},
             "action": {"kind": "a2a", "method": "SendMessage", "skill": "summarize"},
             "request": {"time": "2026-11-25T21:20:00.250Z", "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"},
             "attributes": {"source": {"principal": "spiffe://hexr.local/agent/acme/coordinator"},
                            "destination": {"principal": "spiffe://hexr.local/agent/acme/writer"}}}
            """)
        #expect(input.regoValue == expected)
        #expect(try RegoValue(jsonData: input.json) == expected)
    }
}
