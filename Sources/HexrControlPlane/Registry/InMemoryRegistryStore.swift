import Foundation
import SPIFFE
import Synchronization

/// A `RegistryStore` in memory (tests, and a control plane without a state directory).
public final class InMemoryRegistryStore: RegistryStore {
    private let registrations = Mutex<[SPIFFEID: AgentRegistration]>([:])

    public init() {}

    public func upsert(_ registration: AgentRegistration) async throws {
        registrations.withLock { $0[registration.spiffeID] = registration }
    }

    public func renew(_ id: SPIFFEID, until: Date) async throws -> Bool {
        registrations.withLock { all in
            guard var registration = all[id] else { return false }
            registration.expiresAt = until
            all[id] = registration
            return true
        }
    }

    @discardableResult
    public func remove(_ id: SPIFFEID) async throws -> Bool {
        registrations.withLock { $0.removeValue(forKey: id) != nil }
    }

    public func alive(at now: Date) async throws -> [AgentRegistration] {
        registrations.withLock { all in
            all.values.filter { $0.isAlive(at: now) }.sorted(by: RegistryOrder.precedes)
        }
    }

    @discardableResult
    public func pruneExpired(at now: Date) async throws -> Int {
        registrations.withLock { all in
            let expired = all.values.filter { !$0.isAlive(at: now) }.map(\.spiffeID)
            for id in expired { all[id] = nil }
            return expired.count
        }
    }
}

/// The order registrations are listed in: tenant, name, SPIFFE ID.
enum RegistryOrder {
    static func precedes(_ a: AgentRegistration, _ b: AgentRegistration) -> Bool {
        (a.tenant, a.name, a.spiffeID.description) < (b.tenant, b.name, b.spiffeID.description)
    }
}
