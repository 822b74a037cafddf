import SPIFFE

/// Why a ``WorkloadIdentityProvider`` gave a caller nothing. The server maps each case to the status SPIRE uses.
public enum WorkloadIdentityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No registration entry matches the caller (PermissionDenied "no identity issued").
    case noIdentity
    /// The caller asked for a SPIFFE ID none of its entries has (PermissionDenied "no identity issued").
    case notEntitled(SPIFFEID)
    /// Issuing the credential failed (Unavailable; the client retries).
    case issuanceFailed(String)

    public var description: String {
        switch self {
        case .noIdentity: "no identity issued"
        case .notEntitled(let id): "no identity issued for \(id)"
        case .issuanceFailed(let reason): "could not issue SVID: \(reason)"
        }
    }
}
