import Foundation
import HexrTestSupport
import SPIFFE
import SPIFFEWorkloadAPI

#if canImport(Glibc)
    import Glibc
#endif

/// Our embedded Workload API server on a fresh unix socket, issuing SVIDs from `domain`'s authority to the
/// entries registered here — the route production takes (control plane → Workload API → `X509Source`).
struct EmbeddedWorkloadAPI: Sendable {
    let domain: TestDomain
    let registrations: RegistrationStore
    let provider: AuthorityIdentityProvider
    let directory: URL

    init(domain: TestDomain) throws {
        self.domain = domain
        let registrations = RegistrationStore()
        self.registrations = registrations
        provider = AuthorityIdentityProvider(authority: domain.authority, registrations: registrations)
        // Short path: unix socket paths are limited to 107 bytes.
        directory = URL(fileURLWithPath: "/tmp/hxt-" + UUID().uuidString.prefix(8).lowercased())
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var socketPath: String { directory.appendingPathComponent("api.sock").path }

    /// Registers this test process (its pid with start time, and its uid) for `path`, with X.509-SVIDs of
    /// `ttl` seconds (the provider renews them at about half their lifetime and pushes them).
    func registerSelf(_ path: String, ttl: TimeInterval) throws {
        try registrations.register(try RegistrationEntry(
            spiffeID: try domain.id(path),
            selectors: [try WorkloadSelector.process(pid: getpid()), .uid(getuid())],
            ttl: ttl))
    }

    /// Runs the server and `count` `X509Source`s of this process for the duration of `body`, which starts once
    /// every source has its first SVID. Everything is stopped gracefully afterwards (sources first, then the
    /// server), and the socket directory is removed.
    func withSources<T: Sendable>(_ count: Int, _ body: ([X509Source]) async throws -> T) async throws -> T {
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = WorkloadAPIServer(socketPath: socketPath, provider: provider, logger: quietLogger)
        return try await withServiceGroup([server]) { _ in
            try await withTimeout(10, "the Workload API server to listen") { try await server.waitUntilListening() }
            let endpoint = try WorkloadAPIEndpoint(socketPath: socketPath)
            let sources = try (0..<count).map { _ in try X509Source(endpoint: endpoint, logger: quietLogger) }
            return try await withServiceGroup(sources) { _ in
                for source in sources {
                    _ = try await source.waitUntilReady(timeout: .seconds(10))
                }
                return try await body(sources)
            }
        }
    }
}
