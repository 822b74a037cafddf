/// Why a ``SPIFFEIDMatcher`` refused an ID; descriptions follow go-spiffe's wording.
public enum SPIFFEIDMatchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The ID is not the expected one (or not in the expected set).
    case unexpectedID(SPIFFEID)
    /// The ID is not in the expected trust domain.
    case unexpectedTrustDomain(TrustDomain)

    public var description: String {
        switch self {
        case .unexpectedID(let id): "unexpected ID \"\(id)\""
        case .unexpectedTrustDomain(let trustDomain): "unexpected trust domain \"\(trustDomain)\""
        }
    }
}
