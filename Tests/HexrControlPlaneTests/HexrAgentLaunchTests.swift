import A2A
import Foundation
import Hexr
import HexrControlPlane
import HexrPolicy
import HexrTestSupport
import HexrTransport
import SPIFFE
import Synchronization
import Testing

/// `HexrAgent` programs as users write them, launched in-process against a real registry.
@Suite(.serialized) struct HexrAgentLaunchTests {
    struct ResearchAnalyst: HexrAgent {
        static let config = AgentConfig(name: "research-analyst", tenant: "acme-corp", a2a: true,
                                        description: "Researches topics",
                                        skills: [AgentConfig.skill("research", "Research a topic")])
        func handle(_ task: TaskContext) async throws {
            try await task.addArtifact(parts: [.text("2026 trends in \(task.text)")])
        }
    }

    /// Records what the coordinator saw (one run per test process at a time: the suite is serialized).
    static let seen = Mutex<[String]>([])

    struct Coordinator: HexrAgent {
        static let config = AgentConfig(name: "coordinator", tenant: "acme-corp")
        func run(_ hexr: HexrContext) async throws {
            var agents: [DiscoveredAgent] = []
            for _ in 0..<200 where agents.isEmpty {
                agents = try await hexr.a2a.discover()
                if agents.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
            }
            for agent in agents { HexrAgentLaunchTests.seen.withLock { $0.append("found \(agent.name) - \(agent.description)") } }
            let task = try await hexr.a2a.send(agent: "research-analyst", message: "AI safety")
            let result = try await hexr.a2a.wait(for: task)
            HexrAgentLaunchTests.seen.withLock { $0.append("result \(result.output)") }
        }
    }

    struct Impostor: HexrAgent {
        static let config = AgentConfig(name: "research-analyst", tenant: "acme-corp")
    }

    @Test func aCoordinatorFindsAndUsesTheResearcher() async throws {
        try await withRegistry { registryURL, domain, authorizer in
            func runtime(_ path: String) throws -> HexrRuntimeConfiguration {
                HexrRuntimeConfiguration(
                    identity: StaticTLSIdentitySource(svid: try domain.svid(path), bundles: domain.bundles),
                    registryURL: registryURL, registryID: try domain.id("/hexr/registry"), authorizer: authorizer,
                    logger: quietLogger)
            }
            // The researcher serves as a plain service, so the test can stop it gracefully.
            let researcher = HexrAgentRuntime(config: ResearchAnalyst.config, handler: ResearchAnalyst(),
                                              runtime: try runtime("/agent/acme-corp/research-analyst/r1"))
            try await withServiceGroup([researcher]) { _ in
                try await Coordinator.launch(runtime: try runtime("/agent/acme-corp/coordinator"))
            }
            #expect(Self.seen.withLock { $0 } == ["found research-analyst - Researches topics",
                                                   "result 2026 trends in AI safety"])
        }
    }

    @Test func anAgentRefusesAnIdentityThatIsNotItsOwn() async throws {
        try await withRegistry { registryURL, domain, authorizer in
            let runtime = HexrRuntimeConfiguration(
                identity: StaticTLSIdentitySource(svid: try domain.svid("/agent/acme-corp/coordinator"),
                                                  bundles: domain.bundles),
                registryURL: registryURL, registryID: try domain.id("/hexr/registry"), authorizer: authorizer,
                logger: quietLogger)
            await #expect(throws: HexrAgentError.self) { try await Impostor.launch(runtime: runtime) }
        }
    }

    @Test func environmentErrorsNameTheVariable() {
        #expect(throws: HexrEnvironmentError.self) { _ = try HexrEnvironment([:]) }
        do {
            _ = try HexrEnvironment(["SPIFFE_ENDPOINT_SOCKET": "unix:///tmp/x.sock"])
            Issue.record("accepted an environment without a registry")
        } catch {
            #expect(error == .missing("HEXR_REGISTRY_URL"))
        }
        do {
            _ = try HexrEnvironment(["SPIFFE_ENDPOINT_SOCKET": "unix:///tmp/x.sock", "HEXR_REGISTRY_URL": "http://x:1"])
            Issue.record("accepted a plain-HTTP registry")
        } catch {
            guard case .invalid("HEXR_REGISTRY_URL", _) = error else { Issue.record("\(error)"); return }
        }
        let ok = try? HexrEnvironment(["SPIFFE_ENDPOINT_SOCKET": "unix:///tmp/x.sock",
                                       "HEXR_REGISTRY_URL": "https://127.0.0.1:7443", "HEXR_PORT": "8080"])
        #expect(ok?.port == 8080 && ok?.host == "127.0.0.1")
    }

    private func withRegistry<T: Sendable>(
        _ body: @Sendable (URL, TestDomain, any Authorizer) async throws -> T
    ) async throws -> T {
        try await TestRegistry.run(leaseDuration: 5) { registry in
            try await body(registry.url, registry.domain, registry.authorizer)
        }
    }
}
