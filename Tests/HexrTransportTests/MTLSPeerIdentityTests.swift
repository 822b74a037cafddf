import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import HexrTransport
import SPIFFE
import Synchronization
import Testing

/// The caller the handler sees is the TLS-verified peer and nothing a request carries.
@Suite(.timeLimit(.minutes(1)))
struct MTLSPeerIdentityTests {
    static let forged = "spiffe://hexr.local/agent/x/admin"

    /// Headers a proxy-based mesh (Envoy, service meshes) or a naive gateway would trust for the peer identity.
    static let forgedHeaders: [(name: String, value: String)] = [
        ("x-forwarded-client-cert", "By=\(forged);Hash=00;URI=\(forged)"),
        ("x-spiffe-id", forged),
        ("x-client-spiffe-id", forged),
        ("x-hexr-caller", forged),
        ("x-forwarded-user", forged),
    ]

    /// Metadata claiming the forged identity, on the message and on the request.
    static let forgedMetadata: JSONObject = [
        "spiffe_id": .string(forged), "caller": .string(forged), "peer": .string(forged),
    ]

    /// Rule: a message whose metadata (message and request level) and HTTP headers claim another SPIFFE ID is
    /// handled with the TLS-verified client ID as caller, on both bindings; the claim reaches the handler as
    /// plain data (so the test is not passing because the payload was dropped) and appears in no call context
    /// attribute.
    @Test(arguments: [AgentInterface.Binding.jsonRPC, AgentInterface.Binding.httpJSON])
    func payloadCannotOverrideTheVerifiedPeer(binding: String) async throws {
        let domain = try TestDomain()
        let serverSource = StaticTLSIdentitySource(svid: try domain.svid("/agent/acme/server"), bundles: domain.bundles)
        let alice = StaticTLSIdentitySource(svid: try domain.svid("/agent/acme/alice"), bundles: domain.bundles)
        let serverID = try domain.id("/agent/acme/server")
        let calls = RecordedCalls()
        try await withMTLSServer(source: serverSource, handler: RecordingAgent(calls: calls)) { base, refusals in
            let security = SPIFFEClientSecurity(source: alice, refusals: TLSRefusalLog(logger: quietLogger)) { _, _ in
                .exact(serverID)
            }
            let pooled = PooledHTTPClient(security: security)
            let transport = HeaderAddingTransport(base: pooled, headers: Self.forgedHeaders)
            var card = AgentCard.minimal(name: "whoami")
            let paths = A2AServerPaths()
            card.supportedInterfaces = [
                AgentInterface(url: base.absoluteString + paths.jsonRPC, protocolBinding: AgentInterface.Binding.jsonRPC,
                               tenant: nil, protocolVersion: "1.0"),
                AgentInterface(url: base.absoluteString + paths.rest, protocolBinding: AgentInterface.Binding.httpJSON,
                               tenant: nil, protocolVersion: "1.0"),
            ]
            let client = try A2AClient(card: card, transport: transport, bindings: [binding])
            let message = Message(messageId: UUID().uuidString.lowercased(), role: .user,
                                  parts: [.text("who am i")], metadata: Self.forgedMetadata)
            let response = try await client.sendMessage(SendMessageRequest(message: message,
                                                                            metadata: Self.forgedMetadata))
            guard case .message(let reply) = response, case .text(let text) = reply.parts.first?.content else {
                Issue.record("not a direct message: \(response)")
                return
            }
            #expect(text == "caller=spiffe://hexr.local/agent/acme/alice")

            let seen = try #require(calls.all.first)
            #expect(calls.all.count == 1)
            #expect(seen.caller == "spiffe://hexr.local/agent/acme/alice")
            // The claim did arrive, as message data the handler may read but never as the caller.
            #expect(seen.messageMetadata?["spiffe_id"] == JSONValue.string(Self.forged))
            #expect(!seen.attributes.values.contains(Self.forged), "attributes: \(seen.attributes)")
            #expect(refusals.count == 0, "\(refusals.recentRefusals)")
            await pooled.closeIdleConnections()
        }
    }
}

/// What the handler saw of one call.
struct RecordedCall: Sendable {
    var caller: String?
    var attributes: [String: String]
    var messageMetadata: JSONObject?
}

/// The calls a ``RecordingAgent`` handled.
final class RecordedCalls: Sendable {
    private let calls = Mutex<[RecordedCall]>([])

    func append(_ call: RecordedCall) { calls.withLock { $0.append(call) } }
    var all: [RecordedCall] { calls.withLock { $0 } }
}

/// Records each call's context and answers with the caller, like `WhoAmIAgent`.
struct RecordingAgent: AgentHandler {
    let calls: RecordedCalls

    func handle(_ task: TaskContext) async throws {
        calls.append(RecordedCall(caller: task.call.caller, attributes: task.call.attributes,
                                  messageMetadata: task.message.metadata))
        try await task.reply("caller=\(task.call.caller ?? "none")")
    }
}

/// Adds fixed headers to every request of the transport it wraps.
struct HeaderAddingTransport: A2AHTTPTransport {
    let base: any A2AHTTPTransport
    let headers: [(name: String, value: String)]

    func execute(_ request: A2AClientRequest) async throws -> A2AClientResponse {
        var request = request
        request.headers.append(contentsOf: headers)
        return try await base.execute(request)
    }
}
