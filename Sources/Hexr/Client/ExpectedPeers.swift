import SPIFFE
import Synchronization

/// Which SPIFFE ID must answer at which host and port — filled from the registry before a call,
/// read by the TLS handshake. An origin the registry never named may not be dialled at all.
final class ExpectedPeers: Sendable {
    private struct Origin: Hashable {
        var host: String
        var port: Int
    }

    private let byOrigin = Mutex<[Origin: SPIFFEID]>([:])

    func expect(_ id: SPIFFEID, host: String, port: Int) {
        byOrigin.withLock { $0[Origin(host: host, port: port)] = id }
    }

    /// The matcher for a handshake: exactly the expected ID, or nothing acceptable.
    func matcher(host: String, port: Int) -> SPIFFEIDMatcher {
        guard let id = byOrigin.withLock({ $0[Origin(host: host, port: port)] }) else { return .oneOf([]) }
        return .exact(id)
    }
}
