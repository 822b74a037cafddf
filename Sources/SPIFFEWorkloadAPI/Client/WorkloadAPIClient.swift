import GRPCCore
import GRPCNIOTransportHTTP2
import SPIFFE
import ServiceLifecycle

/// A SPIFFE Workload API client over a unix socket: one gRPC connection, `workload.spiffe.io: true` on every
/// call, responses parsed into SPIFFE types.
///
/// The connection runs inside ``run()`` (a `Service`); calls made before it starts wait for it. Calls fail fast
/// while the endpoint is unreachable; watchers such as ``X509Source`` retry with backoff. Works against SPIRE's
/// agent and any server speaking the standard proto.
public final class WorkloadAPIClient: Service, Sendable {
    /// The endpoint this client connects to.
    public let endpoint: WorkloadAPIEndpoint
    let grpc: GRPCClient<HTTP2ClientTransport.Posix>

    static let securityMetadata: Metadata = ["workload.spiffe.io": "true"]

    /// A client for `endpoint`; the transport reconnects with `backoff` after a broken connection.
    public init(endpoint: WorkloadAPIEndpoint, backoff: Backoff = .default) throws(WorkloadAPIError) {
        self.endpoint = endpoint
        let transport: HTTP2ClientTransport.Posix
        do {
            transport = try HTTP2ClientTransport.Posix(
                target: .unixDomainSocket(path: endpoint.socketPath),
                transportSecurity: .plaintext,
                config: .defaults { config in
                    config.backoff = HTTP2ClientTransport.Config.Backoff(
                        initial: backoff.initial, max: backoff.maximum, multiplier: backoff.multiplier,
                        jitter: backoff.jitter
                    )
                }
            )
        } catch {
            throw .invalidConfiguration("cannot create a transport for \(endpoint): \(error)")
        }
        grpc = GRPCClient(transport: transport)
    }

    /// Runs the connection until graceful shutdown, ``close()`` or cancellation. Call it once.
    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await grpc.runConnections()
        } onGracefulShutdown: {
            self.close()
        }
    }

    /// Lets running calls finish, refuses new ones and makes ``run()`` return.
    public func close() {
        grpc.beginGracefulShutdown()
    }

    var api: SpiffeWorkloadAPI.Client<HTTP2ClientTransport.Posix> { SpiffeWorkloadAPI.Client(wrapping: grpc) }

    /// Runs a call, turning whatever it throws into a ``WorkloadAPIError``.
    func call<Result: Sendable>(_ body: () async throws -> Result) async throws(WorkloadAPIError) -> Result {
        do {
            return try await body()
        } catch {
            throw WorkloadAPIError(error)
        }
    }
}
