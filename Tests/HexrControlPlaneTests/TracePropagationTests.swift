import A2A
import A2AHTTP
import Foundation
import Hexr
import HexrPolicy
import HexrTestSupport
import HexrTransport
import InMemoryTracing
import SPIFFE
import Testing
import Tracing

/// One trace across agents: a caller's run → `invoke_agent` (CLIENT) → the callee's SERVER span →
/// its policy decision and handler → the next hop, over real mTLS connections. Every span is
/// recorded by one in-memory tracer shared by the agents (no global state).
@Suite struct TracePropagationTests {
    /// Delegates each task to `next` (if any) and answers with the chain of outputs.
    struct Relay: AgentHandler {
        let name: String
        let next: String?
        let client: HexrA2AClient

        func handle(_ task: TaskContext) async throws {
            guard let next else {
                try await task.addArtifact(parts: [.text("\(name) got \(task.text)")])
                return
            }
            let sent = try await client.send(agent: next, message: task.text)
            let result = try await client.wait(for: sent, timeout: .seconds(20))
            try await task.addArtifact(parts: [.text("\(name) → \(result.output)")])
        }
    }

    @Test func aPipelineAndAFanOutShareOneTraceWithParentLinksAndDecisions() async throws {
        let tracer = InMemoryTracer()
        try await TestRegistry.run { registry in
            func runtime(_ tenant: String, _ name: String) throws -> HexrRuntimeConfiguration {
                HexrRuntimeConfiguration(
                    identity: StaticTLSIdentitySource(svid: try registry.domain.svid("/agent/\(tenant)/\(name)"),
                                                      bundles: registry.domain.bundles),
                    registryURL: registry.url, registryID: try registry.registryID, authorizer: registry.authorizer,
                    tracer: tracer, logger: quietLogger)
            }
            func agent(_ name: String, next: String?, tenant: String = "acme") throws -> HexrAgentRuntime {
                HexrAgentRuntime(config: AgentConfig(name: name, tenant: tenant, a2a: true), runtime: try runtime(tenant, name)) {
                    Relay(name: name, next: next, client: $0)
                }
            }
            let agents = [try agent("b", next: "c"), try agent("c", next: nil),
                          try agent("f1", next: nil), try agent("f2", next: nil), try agent("f3", next: nil),
                          try agent("outsider", next: nil, tenant: "globex")]
            let caller = HexrAgentRuntime(config: AgentConfig(name: "a", tenant: "acme"), handler: EchoAgent(),
                                          runtime: try runtime("acme", "a"))
            try await withServiceGroup(agents) { _ in
                for _ in 0..<200 where (try? await caller.a2a.discover().count) != 5 {
                    try await Task.sleep(for: .milliseconds(20))
                }
                let outcome = try await tracer.withSpan("run a", ofKind: .internal) { _ in
                    // A → B → C
                    let pipeline = try await caller.a2a.wait(for: try await caller.a2a.send(agent: "b", message: "x"))
                    // A → f1, f2, f3 in parallel
                    let fanned = try await withThrowingTaskGroup(of: String.self) { group in
                        for name in ["f1", "f2", "f3"] {
                            group.addTask { try await caller.a2a.wait(for: try await caller.a2a.send(agent: name, message: "y")).output }
                        }
                        return try await group.reduce(into: [String]()) { $0.append($1) }.sorted()
                    }
                    return (pipeline.output, fanned)
                }
                #expect(outcome.0 == "b → c got x")
                #expect(outcome.1 == ["f1 got y", "f2 got y", "f3 got y"])
                await caller.a2a.close()
            }
            let spans = tracer.finishedSpans
            let root = try #require(spans.first { $0.operationName == "run a" })
            let traced = spans.filter { $0.traceID == root.traceID }
            #expect(Set(spans.map(\.traceID)) == [root.traceID], "every span of the run is in one trace")

            func children(of parent: FinishedInMemorySpan, named name: String) -> [FinishedInMemorySpan] {
                traced.filter { $0.parentSpanID == parent.spanID && $0.operationName == name }
            }
            // A → B: client span under the run, B's server span under it, decision + handler under that.
            let toB = try #require(children(of: root, named: "invoke_agent b").first)
            #expect(toB.kind == .client)
            #expect(toB.attributes["gen_ai.operation.name"]?.toSpanAttribute() == .string("invoke_agent"))
            #expect(toB.attributes["hexr.target.spiffe_id"]?.toSpanAttribute() == .string("spiffe://hexr.local/agent/acme/b"))
            #expect(toB.attributes["hexr.caller.spiffe_id"]?.toSpanAttribute() == .string("spiffe://hexr.local/agent/acme/a"))
            #expect(toB.attributes["server.address"]?.toSpanAttribute() == .string("127.0.0.1"))
            let atB = try #require(children(of: toB, named: "A2A SendMessage").first)
            #expect(atB.kind == .server)
            #expect(atB.attributes["hexr.caller.spiffe_id"]?.toSpanAttribute() == .string("spiffe://hexr.local/agent/acme/a"))
            let decisionAtB = try #require(children(of: atB, named: "hexr.authz.decision").first)
            #expect(decisionAtB.attributes["hexr.authz.allow"]?.toSpanAttribute() == .bool(true))
            #expect(decisionAtB.attributes["hexr.authz.reasons"]?.toSpanAttribute() == .stringArray(["same tenant"]))
            #expect(decisionAtB.attributes["hexr.authz.decision_id"] != nil)
            let handlerAtB = try #require(children(of: atB, named: "handle task").first)
            // Task state changes are events of the handler's span.
            #expect(handlerAtB.events.contains { $0.name == "a2a.task.artifact" })
            #expect(handlerAtB.events.last?.name == "a2a.task.state")
            // B → C continues from B's handler.
            let toC = try #require(children(of: handlerAtB, named: "invoke_agent c").first)
            let atC = try #require(children(of: toC, named: "A2A SendMessage").first)
            #expect(!children(of: atC, named: "handle task").isEmpty)
            // The fan-out: three client spans under the run, each answered by a server span.
            for name in ["f1", "f2", "f3"] {
                let call = try #require(children(of: root, named: "invoke_agent \(name)").first)
                #expect(children(of: call, named: "A2A SendMessage").count == 1)
            }
            // Polling (GetTask) and following (SubscribeToTask) stay in the trace too.
            #expect(traced.contains { $0.operationName == "A2A GetTask" && $0.kind == .server })
        }
    }

    @Test func aDeniedCallIsAnErrorSpanWithItsDecision() async throws {
        let tracer = InMemoryTracer()
        try await TestRegistry.run { registry in
            let outsider = HexrAgentRuntime(
                config: AgentConfig(name: "vault", tenant: "globex", a2a: true), handler: EchoAgent(),
                runtime: HexrRuntimeConfiguration(
                    identity: StaticTLSIdentitySource(svid: try registry.domain.svid("/agent/globex/vault"),
                                                      bundles: registry.domain.bundles),
                    registryURL: registry.url, registryID: try registry.registryID, authorizer: registry.authorizer,
                    tracer: tracer, logger: quietLogger))
            try await withMTLSCall(to: outsider, as: "/agent/acme/intruder", registry: registry, tracer: tracer)
        }
        let decision = try #require(tracer.finishedSpans.first { $0.operationName == "hexr.authz.decision" })
        #expect(decision.attributes["hexr.authz.allow"]?.toSpanAttribute() == .bool(false))
        #expect(decision.attributes["error.type"]?.toSpanAttribute() == .string("authz_denied"))
        #expect(decision.status?.code == .error)
        let server = try #require(tracer.finishedSpans.first { $0.spanID == decision.parentSpanID })
        #expect(server.operationName == "A2A SendMessage")
        #expect(server.status?.code == .error)
        #expect(server.attributes["error.type"]?.toSpanAttribute() == .string("PERMISSION_DENIED"))
        #expect(decision.traceID == server.traceID)
    }

    /// Calls `agent` straight at its address as `path`'s identity (no registry lookup: the
    /// registry would not even show a foreign tenant's agent) and expects a refusal.
    private func withMTLSCall(to agent: HexrAgentRuntime, as path: String, registry: TestRegistry,
                              tracer: InMemoryTracer) async throws {
        try await withServiceGroup([agent]) { _ in
            let security = SPIFFEClientSecurity(
                source: StaticTLSIdentitySource(svid: try registry.domain.svid(path), bundles: registry.domain.bundles),
                refusals: TLSRefusalLog(logger: quietLogger)) { _, _ in .memberOf(registry.domain.trustDomain) }
            let transport = PooledHTTPClient(security: security)
            var card: AgentCard?
            for _ in 0..<200 where card == nil {
                card = agent.servedCard
                if card == nil { try await Task.sleep(for: .milliseconds(20)) }
            }
            let client = try A2AClient(card: try #require(card), transport: TracePropagatingTransport(transport, tracer: tracer))
            await #expect(throws: A2AClientError.self) {
                try await tracer.withSpan("intruder", ofKind: .internal) { _ in _ = try await client.sendMessage(text: "open") }
            }
            await transport.closeIdleConnections()
        }
    }
}
