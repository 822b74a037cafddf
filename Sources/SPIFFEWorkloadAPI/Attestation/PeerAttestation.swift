import Crypto
import GRPCCore
import GRPCNIOTransportHTTP2
import NIOCore

/// How the Workload API server learns which process sent an RPC.
///
/// grpc-swift hands a service handler no peer credentials, so the server wires two of the transport's channel
/// hooks (`HTTP2ServerTransport.Config.ChannelDebuggingCallbacks`):
///
/// 1. `onAcceptTCPConnection` runs once per accepted unix-socket connection. It reads the peer's pid, uid and gid
///    with `getsockopt(SO_PEERCRED)` (the kernel captured them at `connect()`, the client cannot choose them),
///    reads the process start time from `/proc/<pid>/stat`, and parks the result in a ``ConnectionCaller``
///    handler on the connection's pipeline.
/// 2. `onAcceptHTTP2Stream` runs for every RPC stream. It puts an ``AttestedCallerInjector`` first in the
///    stream's pipeline. For every HEADERS frame the client sends, the injector **removes** all
///    ``headerName`` fields, then (for the first one) adds the connection's caller, tagged with a random
///    per-server secret. Nothing the client sends can survive into the service's view of that header.
///
/// The service reads the caller with ``caller(from:)``, which accepts exactly one header value carrying this
/// server's tag. The injector stays in the pipeline for the stream's lifetime (removing it from inside
/// `channelRead` made RPCs fail with `RST_STREAM(cancel)` in testing).
struct PeerAttestation: Sendable {
    /// The metadata key that carries the attested caller from the stream pipeline to the service.
    static let headerName = "hexr-attested-caller"

    /// A random secret of this server; a header without it was not written by this server's injector.
    let tag: String

    init() {
        tag = SymmetricKey(size: .bits256).withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
    }

    /// Channel hooks that attest every accepted connection and stream.
    func install(in callbacks: inout HTTP2ServerTransport.Config.ChannelDebuggingCallbacks) {
        callbacks.onAcceptTCPConnection = { channel in
            PeerCredentials.read(from: channel)
                .flatMapThrowing { credentials in
                    let startTime = try ProcFS.startTime(of: credentials.pid)
                    return Result<WorkloadCaller, AttestationError>.success(
                        WorkloadCaller(
                            pid: credentials.pid, uid: credentials.uid, gid: credentials.gid, startTime: startTime
                        )
                    )
                }
                .recover { error in
                    .failure(
                        error as? AttestationError ?? .peerCredentialsUnavailable(String(describing: error))
                    )
                }
                .flatMapThrowing { caller in
                    try channel.pipeline.syncOperations.addHandler(ConnectionCaller(caller))
                }
        }
        let tag = self.tag
        callbacks.onAcceptHTTP2Stream = { stream in
            stream.eventLoop.makeCompletedFuture {
                let caller = try? stream.parent?.pipeline.syncOperations.handler(type: ConnectionCaller.self).caller
                let value = (try? caller?.get()).map { Self.encode($0, tag: tag) }
                try stream.pipeline.syncOperations.addHandler(
                    AttestedCallerInjector(headerName: Self.headerName, value: value),
                    position: .first
                )
            }
        }
    }

    /// The caller the injector attached to an RPC's metadata.
    func caller(from metadata: Metadata) throws(AttestationError) -> WorkloadCaller {
        let values = Array(metadata[stringValues: Self.headerName])
        guard values.count == 1 else { throw .missingAttestation }
        let fields = values[0].split(separator: " ")
        guard fields.count == 5, Self.constantTimeEqual(fields[0], tag),
            let pid = Int32(fields[1]), let uid = UInt32(fields[2]), let gid = UInt32(fields[3]),
            let startTime = UInt64(fields[4])
        else { throw .missingAttestation }
        return WorkloadCaller(pid: pid, uid: uid, gid: gid, startTime: startTime)
    }

    static func encode(_ caller: WorkloadCaller, tag: String) -> String {
        "\(tag) \(caller.pid) \(caller.uid) \(caller.gid) \(caller.startTime)"
    }

    private static func constantTimeEqual(_ lhs: Substring, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
