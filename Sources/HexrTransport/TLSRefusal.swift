import Logging
import NIOCore
import SPIFFE
import Synchronization

/// Records every refused peer with the precise reason: logged, counted, and kept (the last few)
/// for diagnostics. The remote side only ever sees a TLS alert.
public final class TLSRefusalLog: Sendable {
    /// One refusal.
    public struct Refusal: Sendable, CustomStringConvertible {
        /// Which side refused: `.client` means we refused a client (we are the server).
        public var peerRole: PeerRole
        public var peerAddress: String?
        public var reason: String

        public var description: String { "refused \(peerRole) \(peerAddress ?? "?"): \(reason)" }
    }

    private let logger: Logger
    private let recent = Mutex<[Refusal]>([])
    private let total = Atomic<Int>(0)
    private let keep: Int

    public init(logger: Logger, keep: Int = 64) {
        self.logger = logger
        self.keep = keep
    }

    /// How many peers were refused so far.
    public var count: Int { total.load(ordering: .relaxed) }

    /// The most recent refusals, oldest first.
    public var recentRefusals: [Refusal] { recent.withLock { $0 } }

    func record(_ refusal: Refusal) {
        total.add(1, ordering: .relaxed)
        recent.withLock { list in
            list.append(refusal)
            if list.count > keep { list.removeFirst(list.count - keep) }
        }
        logger.warning("mTLS peer refused", metadata: [
            "peer.role": "\(refusal.peerRole)", "peer.address": "\(refusal.peerAddress ?? "?")",
            "reason": "\(refusal.reason)",
        ])
    }
}
