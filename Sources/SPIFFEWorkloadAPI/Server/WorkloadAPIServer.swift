import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import NIOCore
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// The SPIFFE Workload API server: gRPC service `SpiffeWorkloadAPI` on a unix socket, answering each caller
/// with what its ``WorkloadIdentityProvider`` grants the kernel-attested process behind the connection.
///
/// **Attestation.** The caller is never taken from anything it sends. When a connection is accepted, the server
/// reads the peer's pid/uid/gid with `SO_PEERCRED` and its start time from `/proc/<pid>/stat`; each RPC stream
/// gets this caller through a header that the server's own stream handler writes after deleting any
/// client-sent copy, tagged with a per-server secret (see ``PeerAttestation``). Path and digest selectors read
/// `/proc/<pid>/exe` on demand, and every answer is withheld (Unauthenticated) when the pid no longer has the
/// start time recorded at accept, i.e. the caller exited or its pid was reused.
///
/// **Streams** (`FetchX509SVID`, `FetchX509Bundles`, `FetchJWTBundles`) send the full current state at once and
/// again on every change: provider notifications (registrations, CA rotation) and SVID renewals (the provider
/// says when). They stay open until the client cancels or the server stops.
///
/// **Lifecycle.** A `Service`: ``run()`` binds the socket (replacing a stale socket a crashed server left, never
/// another kind of file), makes it `0777` like SPIRE's agent (attestation, not file permissions, decides who gets
/// what) and serves until graceful shutdown or cancellation; open streams then end with Unavailable so that
/// clients reconnect. The socket file is removed when the server stops. An instance serves once; create a new one
/// to restart.
public final class WorkloadAPIServer: Service, Sendable {
    /// The socket path.
    public let socketPath: String
    private let transport: HTTP2ServerTransport.Posix
    private let server: GRPCServer<HTTP2ServerTransport.Posix>
    private let shutdown: ChangeSignal
    /// The per-server attestation hooks and secret tag.
    let attestation: PeerAttestation

    /// A server for `provider` on the unix socket at `socketPath` (not yet listening).
    public init(
        socketPath: String,
        provider: any WorkloadIdentityProvider,
        logger: Logger = Logger(label: "hexr.workload-api.server")
    ) {
        self.socketPath = socketPath
        let attestation = PeerAttestation()
        let shutdown = ChangeSignal()
        self.attestation = attestation
        self.shutdown = shutdown
        let config = HTTP2ServerTransport.Posix.Config.defaults { config in
            attestation.install(in: &config.channelDebuggingCallbacks)
        }
        transport = HTTP2ServerTransport.Posix(
            address: .unixDomainSocket(path: socketPath),
            transportSecurity: .plaintext,
            config: config
        )
        let service = WorkloadAPIService(
            provider: provider, attestation: attestation, shutdown: shutdown, logger: logger
        )
        server = GRPCServer(transport: transport, services: [service])
    }

    /// Serves until graceful shutdown (or ``stop()``) or cancellation.
    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.server.serve() }
                do {
                    try await waitUntilListening()
                } catch {
                    // Binding failed (serve() rethrows why) or the server was stopped before it listened.
                    try await group.waitForAll()
                    return
                }
                guard chmod(socketPath, 0o777) == 0 else {
                    throw WorkloadAPIServerError.socketPermissions(socketPath, errno)
                }
                try await group.waitForAll()
            }
        } onGracefulShutdown: {
            self.stop()
        }
    }

    /// Returns once the socket is bound; throws if the server failed to bind or has stopped.
    public func waitUntilListening() async throws {
        _ = try await transport.listeningAddress
    }

    /// Stops accepting connections and ends open streams with Unavailable; ``run()`` then returns.
    public func stop() {
        shutdown.notify()
        server.beginGracefulShutdown()
    }
}
