/// Why a string is not a valid SPIFFE ID, trust domain or path.
///
/// The descriptions are the exact wording of go-spiffe's `spiffeid` package, so that operators see the same
/// messages whichever implementation refused an ID. `tooLong` is Hexr's addition: the SPIFFE ID standard caps
/// IDs at 2048 bytes and go-spiffe does not enforce it.
public enum SPIFFEIDError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input is the empty string.
    case empty
    /// The input does not start with the literal lowercase prefix `spiffe://`.
    case wrongScheme
    /// Nothing between `spiffe://` and the path.
    case missingTrustDomain
    /// A trust domain byte outside `[a-z0-9.-_]` (this includes `:`, `@`, `?`, `#`, `%` and uppercase letters).
    case badTrustDomainChar
    /// A path byte outside `[a-zA-Z0-9.-_]` (this includes `?`, `#` and `%`).
    case badPathSegmentChar
    /// A `.` or `..` path segment.
    case dotSegment
    /// A non-empty path that does not start with `/`.
    case noLeadingSlash
    /// Two consecutive slashes in the path.
    case emptySegment
    /// The path ends with `/`.
    case trailingSlash
    /// The whole ID is longer than ``SPIFFEID/maximumLength`` bytes.
    case tooLong

    public var description: String {
        switch self {
        case .empty: "cannot be empty"
        case .wrongScheme: "scheme is missing or invalid"
        case .missingTrustDomain: "trust domain is missing"
        case .badTrustDomainChar:
            "trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores"
        case .badPathSegmentChar:
            "path segment characters are limited to letters, numbers, dots, dashes, and underscores"
        case .dotSegment: "path cannot contain dot segments"
        case .noLeadingSlash: "path must have a leading slash"
        case .emptySegment: "path cannot contain empty segments"
        case .trailingSlash: "path cannot have a trailing slash"
        case .tooLong: "SPIFFE ID cannot be longer than \(SPIFFEID.maximumLength) bytes"
        }
    }
}
