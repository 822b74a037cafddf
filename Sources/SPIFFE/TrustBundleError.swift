/// Why a trust bundle could not be read or written.
public enum TrustBundleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The document is not JSON of the bundle shape.
    case invalidJSON(String)
    /// The JWK Set has no `keys` member (the standard requires it, even if empty).
    case missingKeys
    /// `spiffe_refresh_hint` is negative.
    case invalidRefreshHint(Int)
    /// A JWK has no `kty`.
    case missingKeyType(index: Int)
    /// A JWK's key members are malformed.
    case malformedKey(index: Int, reason: String)
    /// An `x509-svid` JWK does not carry exactly one certificate in `x5c`.
    case x509AuthorityCount(index: Int, count: Int)
    /// An `x5c` entry is not standard base64.
    case invalidBase64(index: Int)
    /// A certificate (in `x5c`, DER or PEM) cannot be parsed.
    case invalidCertificate(index: Int, reason: String)
    /// An `x509-svid` JWK's key members do not describe the key of its certificate.
    case certificateKeyMismatch(index: Int)
    /// A `jwt-svid` JWK has no `kid`.
    case missingKeyID(index: Int)
    /// Two `jwt-svid` JWKs share a `kid`.
    case duplicateKeyID(String)
    /// A JWT authority key ID is empty.
    case emptyKeyID
    /// An authority's key type cannot be written as a JWK.
    case unsupportedAuthorityKey(String)
    /// Concatenated DER is truncated or not a sequence of DER SEQUENCEs.
    case invalidDER(offset: Int)
    /// PEM text is malformed or holds something other than certificates.
    case invalidPEM(String)
    /// A certificate could not be serialized.
    case serializationFailed(String)

    public var description: String {
        switch self {
        case .invalidJSON(let reason): "bundle is not valid SPIFFE bundle JSON: \(reason)"
        case .missingKeys: "bundle has no \"keys\" member"
        case .invalidRefreshHint(let hint): "spiffe_refresh_hint \(hint) is negative"
        case .missingKeyType(let index): "key #\(index) has no \"kty\""
        case .malformedKey(let index, let reason): "key #\(index) is malformed: \(reason)"
        case .x509AuthorityCount(let index, let count):
            "expected a single certificate in x509-svid entry \(index); got \(count)"
        case .invalidBase64(let index): "x5c of key #\(index) is not standard base64"
        case .invalidCertificate(let index, let reason): "certificate #\(index) cannot be parsed: \(reason)"
        case .certificateKeyMismatch(let index): "key #\(index) does not match the key of its x5c certificate"
        case .missingKeyID(let index): "jwt-svid key #\(index) has no \"kid\""
        case .duplicateKeyID(let keyID): "more than one jwt-svid key has \"kid\" \"\(keyID)\""
        case .emptyKeyID: "JWT authority key ID is empty"
        case .unsupportedAuthorityKey(let key): "authority key cannot be written as a JWK: \(key)"
        case .invalidDER(let offset): "concatenated DER is malformed at byte \(offset)"
        case .invalidPEM(let reason): "PEM is malformed: \(reason)"
        case .serializationFailed(let reason): "certificate cannot be serialized: \(reason)"
        }
    }
}
