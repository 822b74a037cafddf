import Foundation
import Synchronization

/// The registration entries of the embedded control plane, in memory, in registration order.
///
/// Every change notifies ``changes``, so that open Workload API streams re-evaluate their callers.
public final class RegistrationStore: Sendable {
    /// Notified after every registration or removal.
    public let changes: ChangeSignal
    private let storage = Mutex<[RegistrationEntry]>([])

    /// An empty store that notifies `changes`.
    public init(changes: ChangeSignal = ChangeSignal()) {
        self.changes = changes
    }

    /// All entries, in registration order.
    public var entries: [RegistrationEntry] { storage.withLock { $0 } }

    /// Adds `entry`; refuses a second entry with the same ID.
    public func register(_ entry: RegistrationEntry) throws(RegistrationError) {
        try storage.withLock { (entries) throws(RegistrationError) in
            guard !entries.contains(where: { $0.id == entry.id }) else { throw .duplicateEntry(entry.id) }
            entries.append(entry)
        }
        changes.notify()
    }

    /// Removes the entry with `id`; returns whether there was one.
    @discardableResult
    public func remove(id: UUID) -> Bool {
        let removed = storage.withLock { entries in
            let before = entries.count
            entries.removeAll { $0.id == id }
            return entries.count != before
        }
        if removed { changes.notify() }
        return removed
    }

    /// The entries whose selectors the caller all satisfies, in registration order.
    public func entries(matching caller: WorkloadCaller) -> [RegistrationEntry] {
        var matcher = SelectorMatcher(caller: caller)
        return entries.filter { matcher.matchesAll($0.selectors) }
    }
}
