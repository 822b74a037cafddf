import Synchronization

/// The fallback notices a client has logged, so each is logged once per client.
final class FallbackNotices: Sendable {
    private let logged = Mutex<Set<String>>([])

    /// Whether `notice` is new to this client; records it.
    func isFirst(_ notice: String) -> Bool {
        logged.withLock { $0.insert(notice).inserted }
    }
}
