import Foundation
import SPIFFE
import SPIFFEWorkloadAPI
import HexrTestSupport

/// A Workload API server on a fresh socket in a temporary directory, with its authority and registrations.
struct TestWorkloadAPI: Sendable {
    let directory: URL
    let authority: SigningAuthority
    let registrations: RegistrationStore
    let provider: AuthorityIdentityProvider

    static let trustDomain = try! TrustDomain(parsing: "example.org")

    /// A fresh CA; a new temporary directory and store unless given (to restart on the same socket).
    init(directory: URL? = nil, registrations: RegistrationStore? = nil) throws {
        // Short path: unix socket paths are limited to 107 bytes.
        self.directory = directory ?? URL(fileURLWithPath: "/tmp/wl-" + UUID().uuidString.prefix(8).lowercased())
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        authority = try SigningAuthority(configuration: .init(trustDomain: Self.trustDomain))
        self.registrations = registrations ?? RegistrationStore()
        provider = AuthorityIdentityProvider(authority: authority, registrations: self.registrations)
    }

    var socketPath: String { directory.appendingPathComponent("api.sock").path }

    var endpoint: WorkloadAPIEndpoint { try! WorkloadAPIEndpoint(socketPath: socketPath) }

    static func id(_ path: String) -> SPIFFEID { try! SPIFFEID(parsing: "spiffe://example.org" + path) }

    /// The selector of this test process (pid and start time).
    static func currentProcess() throws -> WorkloadSelector { try WorkloadSelector.process(pid: getpid()) }

    /// Registers `path` for this test process.
    @discardableResult
    func registerSelf(_ path: String, ttl: TimeInterval? = nil, hint: String = "") throws -> RegistrationEntry {
        let entry = try RegistrationEntry(
            spiffeID: Self.id(path), selectors: [try Self.currentProcess(), .uid(getuid())], ttl: ttl, hint: hint
        )
        try registrations.register(entry)
        return entry
    }

    /// Runs a server on the socket for the duration of `body`, then stops it and waits for it to end.
    @discardableResult
    func withServer<Result: Sendable>(
        _ body: @escaping @Sendable (WorkloadAPIServer) async throws -> Result
    ) async throws -> Result {
        let server = WorkloadAPIServer(socketPath: socketPath, provider: provider)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            // Stopped gracefully, never cancelled, also when the body fails: a cancelled NIO server with an
            // accepted connection still buffered traps (swift-nio#2637).
            let outcome: Swift.Result<Result, any Error>
            do {
                try await withTimeout(10, "the server to listen") { try await server.waitUntilListening() }
                outcome = .success(try await body(server))
            } catch {
                outcome = .failure(error)
            }
            server.stop()
            try await group.waitForAll()
            return try outcome.get()
        }
    }

    /// Runs an ``X509Source`` for the duration of `body`, then cancels it.
    @discardableResult
    func withSource<Result: Sendable>(
        _ body: @escaping @Sendable (X509Source) async throws -> Result
    ) async throws -> Result {
        let source = try X509Source(endpoint: endpoint)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await source.run() }
            defer { group.cancelAll() }
            return try await body(source)
        }
    }

    /// Runs a ``WorkloadAPIClient`` for the duration of `body`, then closes it.
    @discardableResult
    func withClient<Result: Sendable>(
        _ body: @escaping @Sendable (WorkloadAPIClient) async throws -> Result
    ) async throws -> Result {
        let client = try WorkloadAPIClient(endpoint: endpoint)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await client.run() }
            defer { client.close() }
            return try await body(client)
        }
    }

    func removeDirectory() {
        try? FileManager.default.removeItem(at: directory)
    }
}
