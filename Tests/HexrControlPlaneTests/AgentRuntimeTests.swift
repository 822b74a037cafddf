import A2A
import Foundation
import Hexr
import HexrControlPlane
import HexrPolicy
import HexrTestSupport
import HexrTransport
import SPIFFE
import Testing

/// The SDK end to end in one process: a registry, agents registering over mTLS, discovery by
/// tenant, a send by name, the result; a foreign tenant neither sees nor reaches the agent.
@Suite struct AgentRuntimeTests {
    struct Researcher: AgentHandler {
        func handle(_ task: TaskContext) async throws {
            try await task.working("researching")
            try await task.addArtifact(name: "findings", parts: [.text("findings on \(task.text)")])
        }
    }

    @Test func discoverSendWaitAcrossTheRegistry() async throws {
        try await TestRegistry.run(leaseDuration: 5) { registry in
            let (domain, registryURL, authorizer) = (registry.domain, registry.url, registry.authorizer)
            let registryID = try registry.registryID
            func runtime(_ tenant: String, _ name: String, a2a: Bool) throws -> HexrAgentRuntime {
                let identity = StaticTLSIdentitySource(svid: try domain.svid("/agent/\(tenant)/\(name)"),
                                                       bundles: domain.bundles)
                return HexrAgentRuntime(
                    config: AgentConfig(name: name, tenant: tenant, a2a: a2a, description: "\(name) of \(tenant)",
                                        skills: [AgentConfig.skill("research", "Researches a topic")]),
                    handler: Researcher(),
                    runtime: HexrRuntimeConfiguration(identity: identity, registryURL: registryURL,
                                                      registryID: registryID, authorizer: authorizer, logger: quietLogger))
            }
            let researcher = try runtime("acme-corp", "research-analyst", a2a: true)
            let coordinator = try runtime("acme-corp", "coordinator", a2a: false)
            let outsider = try runtime("globex", "coordinator", a2a: false)
            try await withServiceGroup([researcher]) { agents in
                // Registration happens once the agent listens.
                var found: [DiscoveredAgent] = []
                for _ in 0..<100 where found.isEmpty {
                    found = try await coordinator.a2a.discover()
                    if found.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
                }
                #expect(found.map(\.name) == ["research-analyst"])
                #expect(found.first?.spiffeID.description == "spiffe://hexr.local/agent/acme-corp/research-analyst")
                #expect(found.first?.description == "research-analyst of acme-corp")

                let task = try await coordinator.a2a.send(agent: "research-analyst", message: "AI agents")
                let result = try await coordinator.a2a.wait(for: task)
                #expect(result.status.state == .completed)
                #expect(result.output == "findings on AI agents")
                #expect(try await coordinator.a2a.getTask(task.id).id == task.id)

                #expect(try await outsider.a2a.discover().isEmpty, "another tenant sees nothing")
                await #expect(throws: HexrClientError.self) {
                    _ = try await outsider.a2a.send(agent: "research-analyst", message: "steal")
                }

                await coordinator.a2a.close()
                await outsider.a2a.close()
                // Graceful shutdown deregisters.
                await agents.triggerGracefulShutdown()
                var remaining = try await coordinator.a2a.discover()
                for _ in 0..<100 where !remaining.isEmpty {
                    try await Task.sleep(for: .milliseconds(20))
                    remaining = try await coordinator.a2a.discover()
                }
                #expect(remaining.isEmpty)
            }
        }
    }

    /// Agents that start together: a call to one not registered yet fails by name, is not
    /// remembered as absent, and `waitForAgent` waits for it (bounded).
    @Test func anAgentThatRegistersLaterIsWaitedForAndNotRememberedAsMissing() async throws {
        try await TestRegistry.run(leaseDuration: 5) { registry in
            let (domain, registryURL, authorizer) = (registry.domain, registry.url, registry.authorizer)
            let registryID = try registry.registryID
            func runtime(_ name: String, a2a: Bool) throws -> HexrAgentRuntime {
                let identity = StaticTLSIdentitySource(svid: try domain.svid("/agent/acme-corp/\(name)"), bundles: domain.bundles)
                return HexrAgentRuntime(
                    config: AgentConfig(name: name, tenant: "acme-corp", a2a: a2a), handler: Researcher(),
                    runtime: HexrRuntimeConfiguration(identity: identity, registryURL: registryURL,
                                                      registryID: registryID, authorizer: authorizer, logger: quietLogger))
            }
            let researcher = try runtime("research-analyst", a2a: true)
            let coordinator = try runtime("coordinator", a2a: false)

            do {
                _ = try await coordinator.a2a.send(agent: "research-analyst", message: "too early")
                Issue.record("sent to an agent that is not registered")
            } catch HexrClientError.noSuchAgent(let name) {
                #expect(name == "research-analyst")
            }
            do {
                _ = try await coordinator.a2a.waitForAgent("research-analyst", timeout: .milliseconds(300))
                Issue.record("waited for an agent that never registered")
            } catch HexrClientError.agentDidNotAppear(let name, let timeout) {
                #expect(name == "research-analyst" && timeout == .milliseconds(300))
            }

            try await withServiceGroup([researcher]) { _ in
                var found: [DiscoveredAgent] = []
                for _ in 0..<150 where found.isEmpty {
                    found = try await coordinator.a2a.discover()  // the registry itself, no reuse
                    if found.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
                }
                // Registered now, well inside the 2 s the client reuses a discovery for: the
                // failed lookups above must not have been kept.
                let task = try await coordinator.a2a.send(agent: "research-analyst", message: "now")
                #expect(try await coordinator.a2a.wait(for: task).output == "findings on now")
                let waited = try await coordinator.a2a.waitForAgent("research-analyst", timeout: .seconds(30))
                #expect(waited.spiffeID.description == "spiffe://hexr.local/agent/acme-corp/research-analyst")
                await coordinator.a2a.close()
            }
        }
    }

    @Test func aSendToAReplicaThatWentAwayFindsAnotherOne() async throws {
        try await TestRegistry.run(leaseDuration: 30) { registry in
            func runtime(_ path: String) throws -> HexrRuntimeConfiguration {
                HexrRuntimeConfiguration(
                    identity: StaticTLSIdentitySource(svid: try registry.domain.svid(path), bundles: registry.domain.bundles),
                    registryURL: registry.url, registryID: try registry.registryID, authorizer: registry.authorizer,
                    logger: quietLogger)
            }
            let config = AgentConfig(name: "research-analyst", tenant: "acme-corp", a2a: true)
            let first = HexrAgentRuntime(config: config, handler: Researcher(),
                                         runtime: try runtime("/agent/acme-corp/research-analyst/r1"))
            let second = HexrAgentRuntime(config: config, handler: Researcher(),
                                          runtime: try runtime("/agent/acme-corp/research-analyst/r2"))
            let coordinator = HexrAgentRuntime(config: AgentConfig(name: "coordinator", tenant: "acme-corp"),
                                               handler: Researcher(), runtime: try runtime("/agent/acme-corp/coordinator"))
            try await withServiceGroup([second]) { _ in
                try await withServiceGroup([first]) { _ in
                    for _ in 0..<200 where (try? await coordinator.a2a.discover().count) != 2 {
                        try await Task.sleep(for: .milliseconds(20))
                    }
                    // The client now remembers both replicas.
                    for index in 0..<2 {
                        let task = try await coordinator.a2a.send(agent: "research-analyst", message: "warm \(index)")
                        #expect(try await coordinator.a2a.wait(for: task).output == "findings on warm \(index)")
                    }
                }
                // r1 is gone (its port closed) but still remembered: every send still succeeds.
                for index in 0..<4 {
                    let task = try await coordinator.a2a.send(agent: "research-analyst", message: "after \(index)")
                    #expect(try await coordinator.a2a.wait(for: task).output == "findings on after \(index)")
                }
                await coordinator.a2a.close()
            }
        }
    }

    @Test func aRefusedRegistrationEndsTheAgentWithTheRegistrysReason() async throws {
        try await TestRegistry.run { registry in
            // The SVID names research-analyst; the card would say coordinator.
            let agent = HexrAgentRuntime(
                config: AgentConfig(name: "coordinator", tenant: "acme-corp", a2a: true), handler: Researcher(),
                runtime: HexrRuntimeConfiguration(
                    identity: StaticTLSIdentitySource(svid: try registry.domain.svid("/agent/acme-corp/research-analyst"),
                                                      bundles: registry.domain.bundles),
                    registryURL: registry.url, registryID: try registry.registryID, authorizer: registry.authorizer,
                    logger: quietLogger))
            do {
                try await agent.run()
                Issue.record("an agent whose card names another agent kept running")
            } catch let error as RegistryClientError {
                guard case .refused(403, "NAME_MISMATCH", _) = error else {
                    Issue.record("unexpected refusal: \(error)")
                    return
                }
            }
        }
    }

    @Test(.timeLimit(.minutes(1))) func anAgentThatCannotListenFailsInsteadOfHanging() async throws {
        try await TestRegistry.run { registry in
            let taken = try #require(registry.url.port)  // the registry's own port
            let agent = HexrAgentRuntime(
                config: AgentConfig(name: "research-analyst", tenant: "acme-corp", a2a: true), handler: Researcher(),
                runtime: HexrRuntimeConfiguration(
                    identity: StaticTLSIdentitySource(svid: try registry.domain.svid("/agent/acme-corp/research-analyst"),
                                                      bundles: registry.domain.bundles),
                    registryURL: registry.url, registryID: try registry.registryID, authorizer: registry.authorizer,
                    port: taken, logger: quietLogger))
            await #expect(throws: (any Error).self) { try await agent.run() }
        }
    }
}
