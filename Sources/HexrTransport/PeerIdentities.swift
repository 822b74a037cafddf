import NIOCore
import SPIFFE
import Synchronization

/// The verified SPIFFE ID of every open connection, written by the TLS verification callback and
/// read by request handling — no event-loop hop per request.
///
/// An entry exists only after the peer's chain was verified and is removed when the connection
/// closes. Nothing a peer sends in a request can change it.
public final class PeerIdentities: Sendable {
    private let byConnection = Mutex<[ObjectIdentifier: SPIFFEID]>([:])

    public init() {}

    /// The verified peer of `channel`, or `nil` if its handshake did not (yet) verify one.
    public func peer(of channel: any Channel) -> SPIFFEID? {
        byConnection.withLock { $0[ObjectIdentifier(channel)] }
    }

    func set(_ id: SPIFFEID, for channel: any Channel) {
        byConnection.withLock { $0[ObjectIdentifier(channel)] = id }
    }

    /// Drops the entry when the connection closes.
    func removeOnClose(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        channel.closeFuture.whenComplete { [self] _ in
            _ = byConnection.withLock { $0.removeValue(forKey: key) }
        }
    }

    /// How many connections have a verified peer (diagnostics and tests).
    public var count: Int { byConnection.withLock { $0.count } }
}
