import Foundation
import HexrControlPlane
import HexrPolicy
import HexrTestSupport
import HexrTransport
import SPIFFE

/// A registry served over mTLS on a free port, in a fresh trust domain, for the duration of `body`.
struct TestRegistry: Sendable {
    let url: URL
    let domain: TestDomain
    let authorizer: any Authorizer

    var registryID: SPIFFEID { get throws { try domain.id("/hexr/registry") } }

    static func run<T: Sendable>(leaseDuration: TimeInterval = 30, _ body: @Sendable (TestRegistry) async throws -> T)
        async throws -> T
    {
        let domain = try TestDomain()
        let registryID = try domain.id("/hexr/registry")
        let authorizer = EmbeddedAuthorizer(bundle: try .defaultPolicy(), logger: quietLogger)
        let registry = RegistryService(store: InMemoryRegistryStore(), authorizer: authorizer, registryID: registryID,
                                       leaseDuration: leaseDuration, logger: quietLogger)
        let security = MTLSAgentServer.Security(
            source: StaticTLSIdentitySource(svid: try domain.authority.issueX509SVID(for: registryID),
                                            bundles: domain.bundles),
            refusals: TLSRefusalLog(logger: quietLogger))
        let (urls, sink) = AsyncStream.makeStream(of: URL.self)
        let server = RegistryServer(registry: registry, security: security, onListening: { sink.yield($0) },
                                    logger: quietLogger)
        return try await withRunningServer([server], reporting: urls) { url in
            try await body(TestRegistry(url: url, domain: domain, authorizer: authorizer))
        }
    }
}
