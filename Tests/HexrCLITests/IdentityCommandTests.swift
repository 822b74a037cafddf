import Foundation
import HexrTestSupport
import Logging
import SPIFFE
import SPIFFEWorkloadAPI
import Testing

/// `hexr svid show` and `hexr bundle show` against a real Workload API server, as a user runs them.
@Suite(.serialized) struct IdentityCommandTests {
    /// The `hexr` executable built next to the test bundle.
    static var hexr: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "hexr").path
    }

    /// Runs a Workload API that issues `spiffe://hexr.local/agent/acme/cli` to this user's processes.
    private func withWorkloadAPI<T: Sendable>(_ body: @Sendable (String, SigningAuthority) async throws -> T)
        async throws -> T
    {
        let directory = URL(fileURLWithPath: "/tmp/hexr-cli-" + UUID().uuidString.prefix(8).lowercased())
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let authority = try SigningAuthority(configuration: .init(trustDomain: try TrustDomain(parsing: "hexr.local")))
        let registrations = RegistrationStore()
        try registrations.register(try RegistrationEntry(
            spiffeID: try SPIFFEID(parsing: "spiffe://hexr.local/agent/acme/cli"), selectors: [.uid(getuid())]))
        let socket = directory.appending(path: "api.sock").path
        var logger = Logger(label: "test.workload-api")
        logger.logLevel = .critical
        let server = WorkloadAPIServer(
            socketPath: socket, provider: AuthorityIdentityProvider(authority: authority, registrations: registrations),
            logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            // Stopped gracefully, never cancelled (see `withServiceGroup`), also when the body fails.
            let outcome: Result<T, any Error>
            do {
                try await server.waitUntilListening()
                outcome = .success(try await body("unix://" + socket, authority))
            } catch {
                outcome = .failure(error)
            }
            server.stop()
            try await group.waitForAll()
            return try outcome.get()
        }
    }

    @Test func svidShowPrintsTheCallersIdentityAndChain() async throws {
        try await withWorkloadAPI { endpoint, _ in
            let cli = try ExternalProcess(Self.hexr, ["svid", "show"], environment: ["SPIFFE_ENDPOINT_SOCKET": endpoint])
            let status = try await cli.waitForExit(timeout: .seconds(30))
            #expect(status == 0, "\(cli.stderr)")
            #expect(cli.stdout.contains("SVID (default): spiffe://hexr.local/agent/acme/cli"), "\(cli.stdout)")
            #expect(cli.stdout.contains("chain[0]:   leaf spiffe://hexr.local/agent/acme/cli"))
            #expect(cli.stdout.contains("expires:"))
            #expect(!cli.stdout.contains("PRIVATE KEY"))
        }
    }

    @Test func bundleShowPrintsTheAuthorities() async throws {
        try await withWorkloadAPI { endpoint, authority in
            let cli = try ExternalProcess(Self.hexr, ["bundle", "show", "--socket", endpoint])
            #expect(try await cli.waitForExit(timeout: .seconds(30)) == 0, "\(cli.stderr)")
            #expect(cli.stdout.contains("trust domain hexr.local: 1 X.509 authority"), "\(cli.stdout)")
            #expect(cli.stdout.contains("CA   spiffe://hexr.local"))
            let jwks = try ExternalProcess(Self.hexr, ["bundle", "show", "--socket", endpoint, "--format", "jwks"])
            #expect(try await jwks.waitForExit(timeout: .seconds(30)) == 0)
            let parsed = try TrustBundle(trustDomain: authority.trustDomain, jwks: Array(jwks.stdout.utf8))
            #expect(parsed.x509Authorities == authority.bundle.x509Authorities)
        }
    }

    @Test func missingEndpointIsAClearError() async throws {
        let cli = try ExternalProcess(Self.hexr, ["svid", "show"], environment: ["SPIFFE_ENDPOINT_SOCKET": ""])
        #expect(try await cli.waitForExit(timeout: .seconds(30)) != 0)
        #expect(cli.stderr.contains("SPIFFE_ENDPOINT_SOCKET"), "\(cli.stderr)")
    }
}
