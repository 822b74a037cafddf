import Crypto
import Foundation

/// Validates JWT-SVIDs: ES256 only, the `kid` looked up in the bundle of the subject's trust domain, the
/// signature, `exp` (and `nbf` if present) with an explicit clock skew, and `aud` containing an expected audience.
public struct JWTSVIDValidator: Sendable {
    /// The audiences this validator accepts; a token must name at least one of them.
    public var audiences: Set<String>
    /// How far `now` may lie past `exp` (or before `nbf`).
    public var clockSkew: TimeInterval

    /// The `alg` values the JWT-SVID standard allows; of these only ES256 is supported.
    static let standardAlgorithms: Set<String> = [
        "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512",
    ]
    static let allowedHeaderMembers: Set<String> = ["alg", "kid", "typ"]
    static let maximumTokenLength = 65_536

    public init(audiences: Set<String>, clockSkew: TimeInterval = 0) {
        self.audiences = audiences
        self.clockSkew = clockSkew
    }

    /// Validates `token` at `now` against `bundles`.
    public func validate(
        _ token: String,
        bundles: some TrustBundleSource,
        now: Date = Date()
    ) throws(JWTSVIDError) -> JWTSVID {
        guard token.utf8.count <= Self.maximumTokenLength else {
            throw .malformedToken("longer than \(Self.maximumTokenLength) bytes")
        }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformedToken("expected three dot-separated parts") }
        let keyID = try Self.checkHeader(parts[0])
        let claims = try Self.decodeClaims(parts[1])
        guard let subject = claims.sub else { throw .missingSubject }
        guard let expiry = claims.exp else { throw .missingExpiry }
        let id: SPIFFEID
        do {
            id = try SPIFFEID(parsing: subject)
        } catch {
            throw .invalidSubject(error)
        }
        guard let bundle = bundles.bundle(for: id.trustDomain) else { throw .noBundleForTrustDomain(id.trustDomain) }
        guard let authority = bundle.jwtAuthorities[keyID] else {
            throw .unknownKeyID(Self.printable(keyID), id.trustDomain)
        }
        guard let publicKey = authority.p256 else { throw .authorityKeyMismatch(Self.printable(keyID)) }
        guard let signatureBytes = Base64URL.decode(parts[2]),
            let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signatureBytes),
            publicKey.isValidSignature(signature, for: Data("\(parts[0]).\(parts[1])".utf8))
        else { throw .badSignature }

        let expiresAt = Date(timeIntervalSince1970: expiry)
        guard now.addingTimeInterval(-clockSkew) < expiresAt else { throw .expired(expiresAt) }
        if let notBefore = claims.nbf.map(Date.init(timeIntervalSince1970:)),
            now.addingTimeInterval(clockSkew) < notBefore
        {
            throw .notYetValid(notBefore)
        }
        let audience = claims.aud?.values ?? []
        guard !audience.isEmpty else { throw .missingAudience }
        guard audience.contains(where: audiences.contains) else {
            throw .audienceMismatch(expected: audiences.sorted(), actual: audience.map(Self.printable))
        }
        return JWTSVID(
            id: id,
            audience: audience,
            expiresAt: expiresAt,
            issuedAt: claims.iat.map(Date.init(timeIntervalSince1970:)),
            keyID: keyID,
            token: token
        )
    }

    /// Checks `alg`, `typ` and the header members; returns `kid`.
    private static func checkHeader(_ encoded: Substring) throws(JWTSVIDError) -> String {
        guard let bytes = Base64URL.decode(encoded),
            let header = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
        else { throw .malformedToken("header is not a base64url JSON object") }
        guard let algorithm = header["alg"] as? String else { throw .missingAlgorithm }
        guard standardAlgorithms.contains(algorithm) else { throw .disallowedAlgorithm(printable(algorithm)) }
        guard algorithm == "ES256" else { throw .unsupportedAlgorithm(algorithm) }
        if let type = header["typ"] {
            guard let type = type as? String, type == "JWT" || type == "JOSE" else {
                throw .invalidType(printable(String(describing: type)))
            }
        }
        if let unexpected = header.keys.sorted().first(where: { !allowedHeaderMembers.contains($0) }) {
            throw .unexpectedHeader(printable(unexpected))
        }
        guard let keyID = header["kid"] as? String, !keyID.isEmpty else { throw .missingKeyID }
        return keyID
    }

    private static func decodeClaims(_ encoded: Substring) throws(JWTSVIDError) -> JWTClaims {
        guard let bytes = Base64URL.decode(encoded) else { throw .malformedToken("claims are not base64url") }
        let claims: JWTClaims
        do {
            claims = try JSONDecoder().decode(JWTClaims.self, from: Data(bytes))
        } catch {
            throw .malformedToken("claims are not a JSON object with the registered claim types")
        }
        for value in [claims.exp, claims.nbf, claims.iat] {
            if let value, !value.isFinite { throw .malformedToken("a NumericDate claim is not finite") }
        }
        return claims
    }

    /// Attacker-chosen text for an error message: printable ASCII, at most 64 characters.
    private static func printable(_ text: String) -> String {
        let scalars = text.unicodeScalars.prefix(64).map { (0x20..<0x7F).contains($0.value) ? $0 : "?" }
        return String(String.UnicodeScalarView(scalars))
    }
}
