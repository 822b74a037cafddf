import A2A
import Foundation
import Hexr
import HexrControlPlane
import HexrPolicy
import HexrTestSupport
import HexrTransport
import SPIFFE
import Testing

/// The registry over real mTLS: registration bound to the client's verified SPIFFE ID.
@Suite struct RegistryServerTests {
    private func withRegistry<T: Sendable>(_ body: @Sendable (URL, TestDomain) async throws -> T) async throws -> T {
        try await TestRegistry.run { registry in try await body(registry.url, registry.domain) }
    }

    private func client(_ url: URL, _ domain: TestDomain, as path: String) throws -> RegistryClient {
        let source = StaticTLSIdentitySource(svid: try domain.svid(path), bundles: domain.bundles)
        return RegistryClient(baseURL: url, source: source, registryID: try domain.id("/hexr/registry"),
                              refusals: TLSRefusalLog(logger: quietLogger))
    }

    @Test func registerDiscoverHeartbeatDeregister() async throws {
        try await withRegistry { url, domain in
            let researcher = try client(url, domain, as: "/agent/acme/researcher/r1")
            let registered = try await researcher.register(.minimal(name: "researcher"))
            #expect(registered.agent.spiffeId == "spiffe://hexr.local/agent/acme/researcher/r1")
            #expect(registered.agent.tenant == "acme" && registered.leaseSeconds == 30)
            try await researcher.heartbeat()

            let coordinator = try client(url, domain, as: "/agent/acme/coordinator")
            let found = try await coordinator.discover()
            #expect(found.map(\.name) == ["researcher"])
            #expect(try await coordinator.discover(name: "nobody").isEmpty)
            let outsider = try client(url, domain, as: "/agent/globex/spy")
            #expect(try await outsider.discover().isEmpty, "other tenants see nothing without a grant")

            try await researcher.deregister()
            #expect(try await coordinator.discover().isEmpty)
            do {
                try await researcher.heartbeat()
                Issue.record("a deregistered agent's heartbeat was accepted")
            } catch let error as RegistryClientError {
                guard case .notRegistered = error else { Issue.record("unexpected \(error)"); return }
            }
        }
    }

    @Test func anAgentCannotRegisterAnotherAgentsName() async throws {
        try await withRegistry { url, domain in
            let mallory = try client(url, domain, as: "/agent/acme/mallory")
            do {
                _ = try await mallory.register(.minimal(name: "researcher"))
                Issue.record("registered under another agent's name")
            } catch let error as RegistryClientError {
                guard case .refused(let status, let code, _) = error else { Issue.record("unexpected \(error)"); return }
                #expect(status == 403 && code == "NAME_MISMATCH")
            }
            let coordinator = try client(url, domain, as: "/agent/acme/coordinator")
            #expect(try await coordinator.discover().isEmpty)
        }
    }

    @Test func aClientFromAnotherTrustDomainCannotConnect() async throws {
        try await withRegistry { url, domain in
            let evil = try TestDomain("evil.example")
            let source = StaticTLSIdentitySource(svid: try evil.svid("/agent/acme/researcher"),
                                                 bundles: BundleSet([domain.authority.bundle, evil.authority.bundle]))
            let intruder = RegistryClient(baseURL: url, source: source, registryID: try domain.id("/hexr/registry"),
                                          refusals: TLSRefusalLog(logger: quietLogger))
            await #expect(throws: (any Error).self) { _ = try await intruder.register(.minimal(name: "researcher")) }
        }
    }
}
