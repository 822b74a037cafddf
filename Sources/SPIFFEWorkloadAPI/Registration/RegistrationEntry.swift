import Foundation
import SPIFFE

/// A registered workload: the SPIFFE ID a caller gets when it satisfies **all** the selectors.
public struct RegistrationEntry: Hashable, Sendable, Identifiable {
    /// The longest hint accepted, in bytes (the Workload API standard's SHOULD).
    public static let maximumHintLength = 1024

    /// Identifies the entry in its store.
    public let id: UUID
    /// The identity issued to matching callers.
    public let spiffeID: SPIFFEID
    /// What a caller must satisfy; never empty.
    public let selectors: [WorkloadSelector]
    /// The X.509-SVID lifetime; `nil` uses the signing authority's default.
    public let ttl: TimeInterval?
    /// The operator hint sent with the SVIDs (`""` for none).
    public let hint: String

    /// An entry; refuses an empty selector list, a non-positive TTL and an over-long hint.
    public init(
        id: UUID = UUID(),
        spiffeID: SPIFFEID,
        selectors: [WorkloadSelector],
        ttl: TimeInterval? = nil,
        hint: String = ""
    ) throws(RegistrationError) {
        guard !selectors.isEmpty else { throw .noSelectors(spiffeID) }
        if let ttl, !(ttl > 0 && ttl.isFinite) { throw .invalidTTL(ttl) }
        guard hint.utf8.count <= Self.maximumHintLength else { throw .hintTooLong(hint.utf8.count) }
        self.id = id
        self.spiffeID = spiffeID
        self.selectors = selectors
        self.ttl = ttl
        self.hint = hint
    }
}
