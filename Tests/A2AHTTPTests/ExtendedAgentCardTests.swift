import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import Testing

/// `GetExtendedAgentCard` end to end over HTTP, on JSON-RPC (`GetExtendedAgentCard`) and HTTP+JSON
/// (`GET {rest}/extendedAgentCard`): the agent returns its extended card only when its public card
/// declares `capabilities.extendedAgentCard` and one is configured; otherwise the spec's errors.
@Suite struct ExtendedAgentCardTests {
    static let bindings = [AgentInterface.Binding.jsonRPC, AgentInterface.Binding.httpJSON]

    /// The echo agent's public card, declaring (or not) the extended card capability.
    static func publicCard(declaringExtendedCard declared: Bool) -> @Sendable (URL) -> AgentCard {
        { base in
            var card = EchoAgent.card(baseURL: base)
            card.capabilities.extendedAgentCard = declared
            return card
        }
    }

    /// The extended card: the public card plus what only authenticated callers may see.
    static func extended(from card: AgentCard) -> AgentCard {
        var extended = card
        extended.name = "Interop Echo (extended)"
        extended.description = "Echoes input; the extended card also lists the shout skill"
        extended.skills.append(AgentSkill(id: "shout", name: "Shout", description: "Echo back in capitals",
                                          tags: ["echo", "extended"], examples: ["HELLO"]))
        return extended
    }

    /// A2A 1.0 GetExtendedAgentCard: with `capabilities.extendedAgentCard` declared and a card
    /// configured, the client receives exactly that card (not the public one) on either binding.
    @Test(arguments: bindings)
    func configuredExtendedCardIsReturned(binding: String) async throws {
        try await withAgentServer(card: Self.publicCard(declaringExtendedCard: true)) { base, service in
            let expected = Self.extended(from: service.card)
            service.updateExtendedCard(expected)
            let client = try await makeClient(base, binding: binding)
            #expect(client.interface.protocolBinding == binding)
            #expect(client.card.capabilities.extendedAgentCard == true)
            #expect(!client.card.skills.contains { $0.id == "shout" }, "the public card hides the extended skill")

            let card = try await client.extendedAgentCard()
            #expect(card == expected)
            #expect(card.name == "Interop Echo (extended)")
            #expect(card.skills.map(\.id) == ["echo", "shout"])
            #expect(card.supportedInterfaces == client.card.supportedInterfaces)

            // A replaced extended card is what the next call returns.
            var replaced = expected
            replaced.version = "1.0.1"
            service.updateExtendedCard(replaced)
            #expect(try await client.extendedAgentCard().version == "1.0.1")
        }
    }

    /// A2A 1.0 error table: an agent that declares the extended card but has none configured answers
    /// `ExtendedAgentCardNotConfiguredError` (-32007; HTTP+JSON: 400 FAILED_PRECONDITION with ErrorInfo
    /// reason EXTENDED_AGENT_CARD_NOT_CONFIGURED).
    @Test(arguments: bindings)
    func declaredButNotConfiguredIsExtendedAgentCardNotConfigured(binding: String) async throws {
        try await withAgentServer(card: Self.publicCard(declaringExtendedCard: true)) { base, _ in
            let client = try await makeClient(base, binding: binding)
            do {
                let card = try await client.extendedAgentCard()
                Issue.record("an unconfigured extended card was returned: \(card.name)")
            } catch let error as A2AClientError {
                let remote = try #require(error.remoteError, "\(error)")
                #expect(remote.code == A2AError.Code.extendedAgentCardNotConfigured, "\(remote)")
                #expect(remote.code == -32007)
                if binding == AgentInterface.Binding.httpJSON {
                    #expect(remote.reason == "EXTENDED_AGENT_CARD_NOT_CONFIGURED")
                }
            }
        }
    }

    /// A2A 1.0: an agent whose card does not declare `capabilities.extendedAgentCard` does not offer
    /// the operation: `UnsupportedOperationError` (-32004), even when a card happens to be configured.
    @Test(arguments: bindings)
    func undeclaredExtendedCardIsUnsupportedOperation(binding: String) async throws {
        try await withAgentServer(card: Self.publicCard(declaringExtendedCard: false)) { base, service in
            service.updateExtendedCard(Self.extended(from: service.card))
            let client = try await makeClient(base, binding: binding)
            #expect(client.card.capabilities.extendedAgentCard != true)
            do {
                let card = try await client.extendedAgentCard()
                Issue.record("an undeclared extended card was returned: \(card.name)")
            } catch let error as A2AClientError {
                let remote = try #require(error.remoteError, "\(error)")
                #expect(remote.code == A2AError.Code.unsupportedOperation, "\(remote)")
                if binding == AgentInterface.Binding.httpJSON {
                    #expect(remote.reason == "UNSUPPORTED_OPERATION")
                }
            }
        }
    }

    /// The wire form of both bindings, as a client other than ours sees it: JSON-RPC `result` is the
    /// card (also when `params` is omitted, which JSON-RPC callers may do); HTTP+JSON
    /// `GET /a2a/rest/extendedAgentCard` answers 200 with the card, or 400 with a `google.rpc.Status`.
    @Test func wireFormOnBothBindings() async throws {
        try await withAgentServer(card: Self.publicCard(declaringExtendedCard: true)) { base, service in
            let jsonRPC = base.appending(path: "a2a/jsonrpc")
            let rest = base.appending(path: "a2a/rest/extendedAgentCard")

            // Not configured yet.
            let rpcError = try await raw("POST", jsonRPC, headers: v1Headers,
                                         body: rpcBody(method: "GetExtendedAgentCard", params: "{}"))
            #expect(rpcError.status == 200)
            #expect(try rpcError.rpcErrorCode() == -32007)
            let restError = try await raw("GET", rest, headers: [("A2A-Version", "1.0")])
            #expect(restError.status == 400)
            let status = try #require(try restError.json()["error"] as? [String: Any])
            #expect(status["status"] as? String == "FAILED_PRECONDITION")
            let details = status["details"] as? [[String: Any]]
            #expect(details?.first?["reason"] as? String == "EXTENDED_AGENT_CARD_NOT_CONFIGURED")

            // Configured.
            let expected = Self.extended(from: service.card)
            service.updateExtendedCard(expected)
            let withoutParams = Data(#"{"jsonrpc":"2.0","id":7,"method":"GetExtendedAgentCard"}"#.utf8)
            let rpcOK = try await raw("POST", jsonRPC, headers: v1Headers, body: withoutParams)
            #expect(rpcOK.status == 200)
            let result = try #require(try rpcOK.json()["result"], "\(String(decoding: rpcOK.body, as: UTF8.self))")
            let resultData = try JSONSerialization.data(withJSONObject: result)
            #expect(try A2AJSON.decode(AgentCard.self, from: resultData) == expected)
            let restOK = try await raw("GET", rest, headers: [("A2A-Version", "1.0")])
            #expect(restOK.status == 200, "\(String(decoding: restOK.body, as: UTF8.self))")
            #expect(try A2AJSON.decode(AgentCard.self, from: restOK.body) == expected)
        }
    }
}
