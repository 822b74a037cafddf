import Foundation
import SPIFFE

/// Where registrations live. One record per registering SPIFFE ID (replicas of an agent register
/// with their own per-process IDs). Implementations must be safe for concurrent use.
public protocol RegistryStore: Sendable {
    /// Inserts or replaces the registration of `registration.spiffeID`.
    func upsert(_ registration: AgentRegistration) async throws
    /// Extends the lease of `id`; returns false when it is not registered.
    func renew(_ id: SPIFFEID, until: Date) async throws -> Bool
    /// Removes the registration of `id`; returns whether it existed.
    @discardableResult
    func remove(_ id: SPIFFEID) async throws -> Bool
    /// Every registration whose lease runs at `now`, ordered by tenant, name, SPIFFE ID.
    func alive(at now: Date) async throws -> [AgentRegistration]
    /// Drops expired registrations; returns how many.
    @discardableResult
    func pruneExpired(at now: Date) async throws -> Int
}
