import Foundation

/// Why an X.509-SVID (a presented chain, or a workload's own SVID and key) was refused. Every refusal has a
/// named case; none of the descriptions contain key material.
public enum SVIDValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No certificates were presented.
    case emptyChain
    /// A presented certificate is not valid DER X.509.
    case unparsableCertificate(index: Int, reason: String)
    /// The private key is not a supported PKCS#8 (DER or PEM) key.
    case unparsablePrivateKey
    /// An extension of a certificate could not be decoded.
    case malformedExtension(CertificatePosition, name: String)
    /// A certificate has a critical extension that SPIFFE validation does not process.
    case unhandledCriticalExtension(CertificatePosition, oid: String)
    /// The leaf has no URI SAN.
    case noURISAN
    /// The leaf has more than one URI SAN.
    case multipleURISANs(count: Int)
    /// The leaf's URI SAN is not a valid SPIFFE ID.
    case invalidSPIFFEID(SPIFFEIDError)
    /// The leaf's SPIFFE ID has no path (a trust domain ID names a signing authority, never a workload).
    case pathlessID(SPIFFEID)
    /// The leaf's basic constraints say it is a CA.
    case leafIsCA
    /// The leaf has no key usage extension.
    case missingKeyUsage
    /// The leaf's key usage extension is not marked critical.
    case keyUsageNotCritical
    /// The leaf's key usage lacks `digitalSignature`.
    case missingDigitalSignature
    /// The leaf's key usage has `keyCertSign`.
    case leafHasKeyCertSign
    /// The leaf's key usage has `cRLSign`.
    case leafHasCRLSign
    /// The leaf has an extended key usage extension without the usage the peer's role needs.
    case missingRequiredExtendedKeyUsage(PeerRole)
    /// A certificate of the chain expired before the validation time.
    case expired(CertificatePosition, notAfter: Date)
    /// A certificate of the chain is not valid yet at the validation time.
    case notYetValid(CertificatePosition, notBefore: Date)
    /// A presented intermediate is not a CA (no basic constraints, or `cA` false).
    case intermediateNotCA(index: Int)
    /// A presented intermediate's key usage lacks `keyCertSign`.
    case intermediateMissingKeyCertSign(index: Int)
    /// No trust bundle is known for the leaf's trust domain.
    case noBundleForTrustDomain(TrustDomain)
    /// The bundle of the leaf's trust domain has no X.509 authorities (all revoked).
    case noX509Authorities(TrustDomain)
    /// Neither the presented chain nor the trust domain's bundle holds the named issuer of a certificate.
    case issuerNotFound(CertificatePosition, issuer: String)
    /// A certificate's signature does not verify under the key of the issuer it names (same name and key ID).
    case badSignature(CertificatePosition)
    /// No path from the leaf to an authority of the leaf's trust domain satisfies RFC 5280.
    case untrustedChain(String)
    /// The private key does not belong to the leaf's public key.
    case privateKeyMismatch
    /// The chain is valid but the authorizer refused the SPIFFE ID.
    case unauthorized(SPIFFEIDMatchError)

    public var description: String {
        switch self {
        case .emptyChain: "empty certificate chain"
        case .unparsableCertificate(let index, let reason): "certificate #\(index) cannot be parsed: \(reason)"
        case .unparsablePrivateKey: "private key is not a supported PKCS#8 key"
        case .malformedExtension(let position, let name): "\(position) has a malformed \(name) extension"
        case .unhandledCriticalExtension(let position, let oid):
            "\(position) has an unhandled critical extension \(oid)"
        case .noURISAN: "certificate contains no URI SAN"
        case .multipleURISANs(let count): "certificate contains more than one URI SAN (\(count))"
        case .invalidSPIFFEID(let reason): "leaf URI SAN is not a valid SPIFFE ID: \(reason)"
        case .pathlessID(let id): "leaf certificate SPIFFE ID \"\(id)\" must have a non-root path"
        case .leafIsCA: "leaf certificate with CA flag set to true"
        case .missingKeyUsage: "leaf certificate has no key usage extension"
        case .keyUsageNotCritical: "leaf certificate key usage extension is not critical"
        case .missingDigitalSignature: "leaf certificate must have 'digitalSignature' set as key usage"
        case .leafHasKeyCertSign: "leaf certificate must not have 'keyCertSign' set as key usage"
        case .leafHasCRLSign: "leaf certificate must not have 'cRLSign' set as key usage"
        case .missingRequiredExtendedKeyUsage(let role): "leaf certificate extended key usage lacks \(role)"
        case .expired(let position, let notAfter):
            "\(position) expired at \(notAfter.formatted(.iso8601))"
        case .notYetValid(let position, let notBefore):
            "\(position) is not valid before \(notBefore.formatted(.iso8601))"
        case .intermediateNotCA(let index): "intermediate certificate #\(index) must have CA flag set to true"
        case .intermediateMissingKeyCertSign(let index):
            "intermediate certificate #\(index) must have 'keyCertSign' set as key usage"
        case .noBundleForTrustDomain(let trustDomain): "no X.509 bundle for trust domain \"\(trustDomain)\""
        case .noX509Authorities(let trustDomain): "bundle for trust domain \"\(trustDomain)\" has no X.509 authorities"
        case .issuerNotFound(let position, let issuer): "issuer \"\(issuer)\" of the \(position) is not known"
        case .badSignature(let position): "signature of the \(position) does not verify under its issuer's key"
        case .untrustedChain(let details): "certificate chain is not trusted: \(details)"
        case .privateKeyMismatch: "leaf certificate does not match private key"
        case .unauthorized(let reason): "SPIFFE ID not authorized: \(reason)"
        }
    }
}
