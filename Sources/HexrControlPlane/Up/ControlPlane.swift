import Foundation
import Hexr
import HexrPolicy
import HexrTraceStore
import HexrTransport
import Logging
import SPIFFE
import SPIFFEWorkloadAPI
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The embedded control plane of one machine: the signing authority (kept in the state
/// directory), the Workload API socket, and the registry over mTLS.
///
/// Everything that agents hold on to survives a restart on the same state directory: the CA (so
/// their cached SVIDs stay valid), the socket path, the registry's port and its registrations.
public final class ControlPlane: Sendable {
    public let stateDirectory: URL
    public let trustDomain: TrustDomain
    public let authority: SigningAuthority
    public let registrations: RegistrationStore
    public let workloadAPI: WorkloadAPIServer
    public let socketPath: String
    public let registryID: SPIFFEID
    /// The identity issued to the operator's `hexr` commands (same user, same executable).
    public let operatorID: SPIFFEID
    /// The spans the agents export (`hexr trace`).
    public let spans: SQLiteSpanStore
    /// The agent registry this control plane serves.
    public let registry: RegistryService
    let registryServer: RegistryServer
    let registryURLs: AsyncStream<URL>
    let traceSink: OTLPSink
    let traceSinkURLs: AsyncStream<URL>
    private let registryIdentity: StaticTLSIdentitySource

    /// Opens (or creates) the control plane state in `stateDirectory`.
    ///
    /// - Parameter operatorExecutable: the `hexr` executable whose commands, run by this user, get
    ///   ``operatorID`` from the Workload API; `nil` issues no operator identity.
    public init(stateDirectory: URL, trustDomain: TrustDomain, authorizer: any Authorizer,
                operatorExecutable: String? = nil, leaseDuration: TimeInterval = 15, logger: Logger) throws {
        self.stateDirectory = stateDirectory
        self.trustDomain = trustDomain
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        authority = try SigningAuthorityFile.loadOrCreate(
            at: stateDirectory.appending(path: "ca.json"), configuration: .init(trustDomain: trustDomain))
        registrations = RegistrationStore()
        socketPath = Self.socketPath(in: stateDirectory)
        workloadAPI = WorkloadAPIServer(
            socketPath: socketPath,
            provider: AuthorityIdentityProvider(authority: authority, registrations: registrations), logger: logger)
        registryID = try HexrIdentity.serviceID(in: trustDomain, service: "registry")
        operatorID = try HexrIdentity.serviceID(in: trustDomain, service: "cli")
        if let operatorExecutable {
            try registrations.register(try RegistrationEntry(
                spiffeID: operatorID, selectors: [.uid(getuid()), .path(operatorExecutable)]))
        }
        registryIdentity = StaticTLSIdentitySource(svid: try authority.issueX509SVID(for: registryID),
                                                   bundles: BundleSet([authority.bundle]))
        registry = RegistryService(
            store: try SQLiteRegistryStore(path: stateDirectory.appending(path: "registry.sqlite").path),
            authorizer: authorizer, registryID: registryID, leaseDuration: leaseDuration,
            operators: [operatorID], logger: logger)
        let (urls, sink) = AsyncStream.makeStream(of: URL.self)
        registryURLs = urls
        // Agents keep the registry's URL: a restarted control plane listens where the last one did.
        let portFile = stateDirectory.appending(path: "registry-port")
        let port = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        registryServer = RegistryServer(
            registry: registry,
            security: MTLSAgentServer.Security(source: registryIdentity, refusals: TLSRefusalLog(logger: logger)),
            port: port,
            onListening: { url in
                try? String(url.port ?? 0).write(to: portFile, atomically: true, encoding: .utf8)
                sink.yield(url)
            }, logger: logger)
        spans = try SQLiteSpanStore(path: stateDirectory.appending(path: "traces.sqlite").path)
        let (sinkURLs, sinkURLSink) = AsyncStream.makeStream(of: URL.self)
        traceSinkURLs = sinkURLs
        traceSink = OTLPSink(store: spans, onListening: { sinkURLSink.yield($0) }, logger: logger)
    }

    /// How operators and agents reach this control plane once it listens.
    func endpoint(registryURL: URL, traceSinkURL: URL) -> ControlPlaneEndpoint {
        ControlPlaneEndpoint(trustDomain: trustDomain.name, workloadAPI: "unix://" + socketPath,
                             registryURL: registryURL, registryID: registryID.description,
                             operatorID: operatorID.description, traceSinkURL: traceSinkURL, pid: getpid())
    }

    /// The services to run: the Workload API and the registry (whose own SVID is renewed as it ages).
    var services: [any Service] {
        [workloadAPI, registryServer, traceSink,
         RegistrySVIDRenewal(authority: authority, id: registryID, source: registryIdentity)]
    }

    /// Unix socket paths are limited to 107 bytes: use the state directory when it is short enough.
    static func socketPath(in directory: URL) -> String {
        let preferred = directory.appending(path: "workload.sock").path
        if preferred.utf8.count < 100 { return preferred }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in directory.path.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return "/tmp/hexr-\(String(hash, radix: 16)).sock"
    }
}

/// Re-issues the registry's SVID at half its lifetime.
struct RegistrySVIDRenewal: Service {
    let authority: SigningAuthority
    let id: SPIFFEID
    let source: StaticTLSIdentitySource

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    let leaf = source.currentIdentity().svid.leaf
                    let half = max(1, leaf.notValidAfter.timeIntervalSinceNow / 2)
                    try await Task.sleep(for: .milliseconds(Int64(half * 1000)))
                    source.update(svid: try authority.issueX509SVID(for: id), bundles: BundleSet([authority.bundle]))
                }
            }
        } catch is CancellationError {
            return  // graceful shutdown
        }
    }
}

extension ControlPlane {
    /// Runs the control plane's services while `body` runs (given where the control plane can be
    /// reached, also written to `<state>/control-plane.json`), then shuts them down gracefully.
    /// SIGTERM/SIGINT end `body` gracefully as well.
    public func run(logger: Logger, _ body: @escaping @Sendable (ControlPlaneEndpoint) async throws -> Void) async throws {
        let registryURLs = self.registryURLs
        let traceSinkURLs = self.traceSinkURLs
        let session = ControlPlaneSession { [self] in
            var registry = registryURLs.makeAsyncIterator()
            var traces = traceSinkURLs.makeAsyncIterator()
            guard let registryURL = await registry.next(), let traceSinkURL = await traces.next() else { return }
            let endpoint = endpoint(registryURL: registryURL, traceSinkURL: traceSinkURL)
            try endpoint.write(to: stateDirectory)
            defer { ControlPlaneEndpoint.remove(from: stateDirectory) }
            try await body(endpoint)
        }
        let group = ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0) }
                + [.init(service: session, successTerminationBehavior: .gracefullyShutdownGroup,
                         failureTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        if let error = session.failure { throw error }
    }
}

/// The work done while the control plane runs (`hexr up`'s supervisor).
final class ControlPlaneSession: Service, Sendable {
    private let body: @Sendable () async throws -> Void
    private let error = Mutex<(any Error)?>(nil)

    init(body: @escaping @Sendable () async throws -> Void) {
        self.body = body
    }

    var failure: (any Error)? { error.withLock { $0 } }

    func run() async throws {
        do {
            try await body()
        } catch {
            self.error.withLock { $0 = error }
        }
    }
}
