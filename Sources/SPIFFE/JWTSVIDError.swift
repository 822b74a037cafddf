import Foundation

/// Why a JWT-SVID could not be issued or was refused. No case carries the token or any key material.
public enum JWTSVIDError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The token is not a compact JWS of base64url JSON header and claims.
    case malformedToken(String)
    /// The header has no `alg`.
    case missingAlgorithm
    /// `alg` is not one the JWT-SVID standard allows (e.g. `none`, `HS256`).
    case disallowedAlgorithm(String)
    /// `alg` is allowed by the standard but not supported here (only ES256 is).
    case unsupportedAlgorithm(String)
    /// `typ` is present and neither `JWT` nor `JOSE`.
    case invalidType(String)
    /// The header has a member other than `alg`, `kid` and `typ`.
    case unexpectedHeader(String)
    /// The header has no `kid`.
    case missingKeyID
    /// The claims have no `sub`.
    case missingSubject
    /// `sub` is not a valid SPIFFE ID.
    case invalidSubject(SPIFFEIDError)
    /// The claims have no `exp`.
    case missingExpiry
    /// The claims have no `aud`, or an empty one.
    case missingAudience
    /// No bundle is known for the subject's trust domain.
    case noBundleForTrustDomain(TrustDomain)
    /// The subject's bundle has no JWT authority with the token's `kid`.
    case unknownKeyID(String, TrustDomain)
    /// The JWT authority for `kid` is not a P-256 key, as ES256 needs.
    case authorityKeyMismatch(String)
    /// The signature does not verify.
    case badSignature
    /// `exp` has passed.
    case expired(Date)
    /// `nbf` has not been reached.
    case notYetValid(Date)
    /// None of the token's audiences is expected.
    case audienceMismatch(expected: [String], actual: [String])
    /// An issued token needs at least one audience.
    case emptyAudience
    /// The signing key failed to sign.
    case signingFailed

    public var description: String {
        switch self {
        case .malformedToken(let reason): "token is malformed: \(reason)"
        case .missingAlgorithm: "token header has no \"alg\""
        case .disallowedAlgorithm(let alg): "token algorithm \"\(alg)\" is not allowed for JWT-SVIDs"
        case .unsupportedAlgorithm(let alg): "token algorithm \"\(alg)\" is not supported (only ES256 is)"
        case .invalidType(let type): "token header type \"\(type)\" is neither JWT nor JOSE"
        case .unexpectedHeader(let name): "token header has unexpected member \"\(name)\""
        case .missingKeyID: "token header missing key id"
        case .missingSubject: "token missing subject claim"
        case .invalidSubject(let reason): "token has an invalid subject claim: \(reason)"
        case .missingExpiry: "token missing exp claim"
        case .missingAudience: "token missing aud claim"
        case .noBundleForTrustDomain(let trustDomain): "no bundle found for trust domain \"\(trustDomain)\""
        case .unknownKeyID(let keyID, let trustDomain):
            "no JWT authority \"\(keyID)\" found for trust domain \"\(trustDomain)\""
        case .authorityKeyMismatch(let keyID): "JWT authority \"\(keyID)\" is not a P-256 key"
        case .badSignature: "token signature does not verify"
        case .expired(let expiry): "token has expired (exp \(expiry.formatted(.iso8601)))"
        case .notYetValid(let notBefore): "token is not valid before \(notBefore.formatted(.iso8601))"
        case .audienceMismatch(let expected, let actual): "expected audience in \(expected) (audience=\(actual))"
        case .emptyAudience: "a JWT-SVID needs at least one audience"
        case .signingFailed: "signing the token failed"
        }
    }
}
