import Foundation

/// Why the signing authority could not start, rotate, restore or issue.
public enum SigningAuthorityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A configuration value is out of range.
    case invalidConfiguration(String)
    /// The ID to issue for is not in the authority's trust domain.
    case foreignTrustDomain(SPIFFEID)
    /// The ID to issue for has no path (workload SVIDs need one).
    case pathlessID(SPIFFEID)
    /// A requested TTL is not positive.
    case invalidTTL(TimeInterval)
    /// The signing CA has expired; rotate before issuing.
    case authorityExpired(notAfter: Date)
    /// `activateNextAuthority()` was called without `prepareNextAuthority()`.
    case noPreparedAuthority
    /// swift-certificates failed to build or sign a certificate.
    case certificateCreationFailed(String)
    /// Issuing a JWT-SVID failed.
    case jwtSVID(JWTSVIDError)
    /// A persisted state is unreadable or inconsistent (the reason never contains key material).
    case invalidState(String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let reason): "invalid signing authority configuration: \(reason)"
        case .foreignTrustDomain(let id): "\"\(id)\" is not in the authority's trust domain"
        case .pathlessID(let id): "\"\(id)\" has no path; workload SVIDs need one"
        case .invalidTTL(let ttl): "TTL \(ttl) s is not positive"
        case .authorityExpired(let notAfter): "signing CA expired at \(notAfter.formatted(.iso8601))"
        case .noPreparedAuthority: "no next authority has been prepared"
        case .certificateCreationFailed(let reason): "certificate creation failed: \(reason)"
        case .jwtSVID(let error): "JWT-SVID issuance failed: \(error)"
        case .invalidState(let reason): "invalid signing authority state: \(reason)"
        }
    }
}
