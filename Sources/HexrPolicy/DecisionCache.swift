import Foundation
import Rego
import Synchronization

/// Recent decisions by input, for a remote authorizer. The key leaves out the `request` part
/// (time, trace id), which differs on every call.
final class DecisionCache: Sendable {
    private struct Entry {
        var decision: AuthorizationDecision
        var expires: ContinuousClock.Instant
    }

    private let ttl: Duration
    private let entries = Mutex<[[UInt8]: Entry]>([:])
    private let capacity = 10_000

    init(ttl: Duration) {
        self.ttl = ttl
    }

    static func key(for input: AuthorizationInput) -> [UInt8] {
        var stable = input
        stable.time = Date(timeIntervalSince1970: 0)
        stable.traceID = nil
        return stable.json
    }

    func lookup(_ key: [UInt8]) -> AuthorizationDecision? {
        guard ttl > .zero else { return nil }
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.expires > now else {
                entries[key] = nil
                return nil
            }
            return entry.decision
        }
    }

    func store(_ decision: AuthorizationDecision, for key: [UInt8]) {
        guard ttl > .zero else { return }
        let expires = ContinuousClock.now + ttl
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(decision: decision, expires: expires)
        }
    }
}
