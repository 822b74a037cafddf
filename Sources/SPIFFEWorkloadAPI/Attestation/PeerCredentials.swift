import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// The Linux `struct ucred` that `getsockopt(SO_PEERCRED)` fills in: `pid_t pid; uid_t uid; gid_t gid`.
/// glibc only declares it under `_GNU_SOURCE`, which Swift's Glibc module does not set, so it is mirrored here
/// with the same field types and order (3 × 4 bytes, no padding).
struct PeerCredentials: Hashable, Sendable {
    var pid: Int32
    var uid: UInt32
    var gid: UInt32

    /// Reads the credentials of the peer of a connected unix socket channel.
    static func read(from channel: any Channel) -> EventLoopFuture<PeerCredentials> {
        #if os(Linux)
            guard let socket = channel as? any SocketOptionProvider else {
                return channel.eventLoop.makeFailedFuture(
                    AttestationError.peerCredentialsUnavailable("the connection is not a socket")
                )
            }
            return socket.unsafeGetSocketOption(
                level: SocketOptionLevel(SOL_SOCKET),
                name: SocketOptionName(SO_PEERCRED)
            )
        #else
            return channel.eventLoop.makeFailedFuture(AttestationError.unsupportedPlatform)
        #endif
    }
}
