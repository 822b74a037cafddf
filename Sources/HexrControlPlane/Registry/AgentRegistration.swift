import A2A
import Foundation
import SPIFFE

/// One registered agent process: its card, bound to the SPIFFE ID that registered it, alive while
/// its lease is renewed.
public struct AgentRegistration: Sendable, Hashable {
    /// The verified SPIFFE ID of the registering process (never taken from the card).
    public var spiffeID: SPIFFEID
    /// The agent name (the `<agent>` segment of the ID, equal to the card's name).
    public var name: String
    /// The tenant (the `<tenant>` segment of the ID).
    public var tenant: String
    public var card: AgentCard
    public var registeredAt: Date
    /// The registration disappears from discovery after this instant unless renewed.
    public var expiresAt: Date

    public init(spiffeID: SPIFFEID, name: String, tenant: String, card: AgentCard, registeredAt: Date,
                expiresAt: Date) {
        self.spiffeID = spiffeID
        self.name = name
        self.tenant = tenant
        self.card = card
        self.registeredAt = registeredAt
        self.expiresAt = expiresAt
    }

    /// Whether the lease is still running at `now`.
    public func isAlive(at now: Date) -> Bool { expiresAt > now }
}
