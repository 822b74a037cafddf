import Synchronization

/// The hubs of the tasks in use, each held by leases.
///
/// A hub stays registered while it has at least one lease (a running handler, a subscriber, a
/// request in progress). The last holder flushes the hub before releasing it, so when no hub
/// exists for a task the store holds its latest state and a new hub can be built from it.
final class HubRegistry: Sendable {
    struct Key: Hashable, Sendable {
        var tenant: String
        var taskID: String
    }

    private struct Entry {
        let hub: TaskHub
        var leases: Int
    }

    private let entries = Mutex<[Key: Entry]>([:])

    init() {}

    /// Leases the registered hub of `key`, if any.
    func leaseExisting(_ key: Key) -> TaskHub? {
        entries.withLock { entries -> TaskHub? in
            guard var entry = entries[key] else { return nil }
            entry.leases += 1
            entries[key] = entry
            return entry.hub
        }
    }

    /// Registers `hub` for `key` with one lease, or — if another hub was registered meanwhile —
    /// leases that one instead and returns it.
    func register(_ hub: TaskHub, for key: Key) -> TaskHub {
        entries.withLock { entries -> TaskHub in
            if var existing = entries[key] {
                existing.leases += 1
                entries[key] = existing
                return existing.hub
            }
            entries[key] = Entry(hub: hub, leases: 1)
            return hub
        }
    }

    /// Gives back one lease; the hub is dropped with its last lease.
    func release(_ key: Key) {
        entries.withLock { entries in
            guard var entry = entries[key] else { return }
            entry.leases -= 1
            entries[key] = entry.leases > 0 ? entry : nil
        }
    }

    /// How many hubs are registered (for tests and diagnostics).
    var count: Int { entries.withLock { $0.count } }
}
