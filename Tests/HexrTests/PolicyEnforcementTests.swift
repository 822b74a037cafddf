import A2A
import A2AHTTP
import Foundation
import Hexr
import HexrPolicy
import HexrTestSupport
import HexrTransport
import SPIFFE
import Synchronization
import Testing

/// Authorization of every inbound request, end to end over mTLS: the policy decides after the
/// TLS identity is verified and before any handler code runs.
@Suite struct PolicyEnforcementTests {
    /// Counts handler runs; answers with the caller's ID.
    final class CountingAgent: AgentHandler {
        let runs = Mutex(0)
        func handle(_ task: TaskContext) async throws {
            runs.withLock { $0 += 1 }
            try await task.reply("hello \(task.call.caller ?? "anonymous")")
        }
        var count: Int { runs.withLock { $0 } }
    }

    struct Agent: Sendable {
        let base: URL
        let domain: TestDomain

        func client(as path: String) throws -> A2AClient {
            let me = StaticTLSIdentitySource(svid: try domain.svid(path), bundles: domain.bundles)
            let security = SPIFFEClientSecurity(source: me, refusals: TLSRefusalLog(logger: quietLogger)) { _, _ in
                .memberOf(domain.trustDomain)
            }
            var card = AgentCard.minimal(name: "researcher")
            card.supportedInterfaces = [AgentInterface(url: base.absoluteString + "/a2a/jsonrpc",
                                                       protocolBinding: AgentInterface.Binding.jsonRPC, tenant: nil,
                                                       protocolVersion: "1.0")]
            return try A2AClient(card: card, transport: PooledHTTPClient(security: security))
        }
    }

    /// Runs the researcher agent of tenant acme-corp with `authorizer` enforced.
    private func withProtectedAgent<T: Sendable>(
        authorizer: any Authorizer, handler: CountingAgent, _ body: @Sendable (Agent) async throws -> T
    ) async throws -> T {
        let domain = try TestDomain()
        let serverID = try domain.id("/agent/acme-corp/researcher")
        let source = StaticTLSIdentitySource(svid: try domain.authority.issueX509SVID(for: serverID),
                                             bundles: domain.bundles)
        let gate = PolicyGate(authorizer: authorizer, destination: { source.currentIdentity().svid.id },
                              logger: quietLogger)
        let service = A2AService(configuration: A2AServiceConfiguration(card: .minimal(name: "researcher"), gate: gate),
                                 handler: handler, logger: quietLogger)
        let security = MTLSAgentServer.Security(source: source, refusals: TLSRefusalLog(logger: quietLogger))
        return try await withServer({ onListening in
            MTLSAgentServer.make(service: service, security: security, onListening: onListening, logger: quietLogger)
        }) { base in
            try await body(Agent(base: base, domain: domain))
        }
    }

    private func denial(_ operation: () async throws -> Void) async -> A2AError? {
        do {
            try await operation()
            return nil
        } catch let error as A2AClientError {
            return error.remoteError
        } catch {
            return nil
        }
    }

    @Test func sameTenantIsAllowedAndOtherTenantDeniedBeforeTheHandlerRuns() async throws {
        let handler = CountingAgent()
        try await withProtectedAgent(authorizer: EmbeddedAuthorizer(bundle: try .defaultPolicy()), handler: handler) {
            agent in
            let colleague = try agent.client(as: "/agent/acme-corp/coordinator")
            guard case .message(let reply) = try await colleague.sendMessage(text: "hi"),
                  case .text(let text) = reply.parts.first?.content
            else { Issue.record("expected a reply"); return }
            #expect(text == "hello spiffe://hexr.local/agent/acme-corp/coordinator")
            #expect(handler.count == 1)

            let outsider = try agent.client(as: "/agent/globex/coordinator")
            let error = await denial { _ = try await outsider.sendMessage(text: "hi") }
            #expect(error?.code == A2AError.Code.permissionDenied)
            #expect(error?.reason == "PERMISSION_DENIED")
            #expect(error?.message.contains("cross-tenant call without a grant") == true)
            #expect(error?.metadata["decision_id"]?.isEmpty == false)
            #expect(handler.count == 1, "the denied request never reached the handler")
            // Reads are enforced too: the outsider cannot even list tasks.
            let listError = await denial { _ = try await outsider.listTasks() }
            #expect(listError?.code == A2AError.Code.permissionDenied)
        }
    }

    @Test func crossTenantIsDeniedUntilAGrantIsAddedWithoutRestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "hexr-policy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(DefaultPolicy.source.utf8).write(to: directory.appending(path: "authz.rego"))
        try Data(#"{"grants": []}"#.utf8).write(to: directory.appending(path: "data.json"))
        let authorizer = try EmbeddedAuthorizer(directory: directory, logger: quietLogger)
        let handler = CountingAgent()
        try await withProtectedAgent(authorizer: authorizer, handler: handler) { agent in
            let outsider = try agent.client(as: "/agent/globex/coordinator")
            #expect(await denial { _ = try await outsider.sendMessage(text: "hi") }?.code == A2AError.Code.permissionDenied)
            #expect(handler.count == 0)
            let grant = #"""
                {"grants": [{"source": "spiffe://hexr.local/agent/globex/coordinator",
                             "destination": "spiffe://hexr.local/agent/acme-corp/researcher"}]}
                """#
            try Data(grant.utf8).write(to: directory.appending(path: "data.json"))
            #expect(try authorizer.reload())
            guard case .message = try await outsider.sendMessage(text: "hi") else {
                Issue.record("expected a reply after the grant"); return
            }
            #expect(handler.count == 1)
        }
    }

    @Test func authorizerFailureDeniesFailClosed() async throws {
        struct Broken: Authorizer {
            func authorize(_ input: AuthorizationInput) async -> AuthorizationDecision {
                .failClosed("opa: no decision (connection refused)", revision: "opa")
            }
        }
        let handler = CountingAgent()
        try await withProtectedAgent(authorizer: Broken(), handler: handler) { agent in
            let colleague = try agent.client(as: "/agent/acme-corp/coordinator")
            let error = await denial { _ = try await colleague.sendMessage(text: "hi") }
            #expect(error?.code == A2AError.Code.permissionDenied)
            #expect(error?.message.contains("connection refused") == true)
            #expect(handler.count == 0)
        }
    }
}
