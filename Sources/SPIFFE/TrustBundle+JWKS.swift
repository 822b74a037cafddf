import Foundation
import X509

/// The SPIFFE bundle JSON form (an RFC 7517 JWK Set with `spiffe_sequence` and `spiffe_refresh_hint`).
extension TrustBundle {
    static let x509SVIDUse = "x509-svid"
    static let jwtSVIDUse = "jwt-svid"

    /// Parses a SPIFFE bundle document.
    ///
    /// JWKs with an unknown or missing `use`, or an unknown `kty`, are ignored as the standard requires.
    /// Like go-spiffe, an `x509-svid` JWK must carry exactly one `x5c` certificate and a `jwt-svid` JWK a `kid`;
    /// key members must be well formed and, for `x509-svid`, describe the certificate's key.
    public init(trustDomain: TrustDomain, jwks: [UInt8]) throws(TrustBundleError) {
        let document: JWKSDocument
        do {
            document = try JSONDecoder().decode(JWKSDocument.self, from: Data(jwks))
        } catch {
            throw .invalidJSON(Self.summary(of: error))
        }
        guard let keys = document.keys else { throw .missingKeys }
        if let hint = document.refreshHint, hint < 0 { throw .invalidRefreshHint(hint) }
        try self.init(trustDomain: trustDomain, sequence: document.sequence, refreshHint: document.refreshHint)
        for (index, key) in keys.enumerated() {
            try add(key, index: index)
        }
    }

    /// The SPIFFE bundle document: `x509-svid` keys first (in authority order), then `jwt-svid` keys by `kid`.
    public func jwks() throws(TrustBundleError) -> [UInt8] {
        var keys: [JWKSDocument.Key] = []
        for authority in x509Authorities {
            var key = try JWKPublicKey(authority.publicKey).jwk
            key.use = Self.x509SVIDUse
            key.x5c = [Data(try CertificateEncoding.der(authority)).base64EncodedString()]
            keys.append(key)
        }
        for (keyID, publicKey) in jwtAuthorities.sorted(by: { $0.key < $1.key }) {
            var key = publicKey.jwk
            key.use = Self.jwtSVIDUse
            key.kid = keyID
            keys.append(key)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(JWKSDocument(keys: keys, sequence: sequence, refreshHint: refreshHint)))
        } catch {
            throw .serializationFailed(String(describing: error))
        }
    }

    private mutating func add(_ key: JWKSDocument.Key, index: Int) throws(TrustBundleError) {
        guard key.use == Self.x509SVIDUse || key.use == Self.jwtSVIDUse else { return }
        guard let keyType = key.kty else { throw .missingKeyType(index: index) }
        guard JWKPublicKey.knownKeyTypes.contains(keyType) else { return }
        let publicKey: JWKPublicKey
        do {
            publicKey = try JWKPublicKey(jwk: key)
        } catch {
            throw .malformedKey(index: index, reason: error.reason)
        }
        if key.use == Self.x509SVIDUse {
            let certificates = key.x5c ?? []
            guard certificates.count == 1 else { throw .x509AuthorityCount(index: index, count: certificates.count) }
            guard let der = Data(base64Encoded: certificates[0]) else { throw .invalidBase64(index: index) }
            let certificate: Certificate
            do {
                certificate = try Certificate(derEncoded: Array(der))
            } catch {
                throw .invalidCertificate(index: index, reason: String(describing: error))
            }
            guard (try? JWKPublicKey(certificate.publicKey)) == publicKey else {
                throw .certificateKeyMismatch(index: index)
            }
            addX509Authority(certificate)
        } else {
            guard let keyID = key.kid, !keyID.isEmpty else { throw .missingKeyID(index: index) }
            guard jwtAuthorities[keyID] == nil else { throw .duplicateKeyID(keyID) }
            try setJWTAuthority(publicKey, keyID: keyID)
        }
    }

    private static func summary(of error: any Error) -> String {
        switch error as? DecodingError {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
            .dataCorrupted(let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        default:
            return String(describing: error)
        }
    }
}
