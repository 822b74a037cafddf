/// Decides whether a peer's SPIFFE ID is acceptable (go-spiffe's `spiffeid.Matcher` family).
public enum SPIFFEIDMatcher: Hashable, Sendable {
    /// Accepts every ID.
    case any
    /// Accepts exactly this ID.
    case exact(SPIFFEID)
    /// Accepts any ID in the set.
    case oneOf(Set<SPIFFEID>)
    /// Accepts any ID in the trust domain.
    case memberOf(TrustDomain)

    /// Throws when `id` is not acceptable.
    public func matches(_ id: SPIFFEID) throws(SPIFFEIDMatchError) {
        switch self {
        case .any:
            return
        case .exact(let expected):
            guard id == expected else { throw .unexpectedID(id) }
        case .oneOf(let expected):
            guard expected.contains(id) else { throw .unexpectedID(id) }
        case .memberOf(let trustDomain):
            guard id.memberOf(trustDomain) else { throw .unexpectedTrustDomain(id.trustDomain) }
        }
    }
}
