import Foundation
import SwiftASN1
import X509

/// The X.509-SVID rules (X509-SVID standard §4–5, go-spiffe and py-spiffe checks), each failing with a named
/// ``SVIDValidationError``. Shared by the pre-checks of ``X509SVIDVerifier``, by ``SVIDPolicy`` and by
/// ``X509SVID``.
enum SVIDRules {
    /// Extensions whose critical flag SPIFFE validation handles: basic constraints, key usage and name
    /// constraints (RFC 5280 policy), SAN (a leaf with an empty subject must mark it critical) and EKU.
    static let handledCriticalExtensions: [ASN1ObjectIdentifier] = [
        .X509ExtensionID.basicConstraints, .X509ExtensionID.keyUsage, .X509ExtensionID.nameConstraints,
        .X509ExtensionID.subjectAlternativeName, .X509ExtensionID.extendedKeyUsage,
    ]

    /// The SPIFFE ID of the leaf: exactly one URI SAN, strictly parsed, with a non-root path.
    static func spiffeID(ofLeaf leaf: Certificate) throws(SVIDValidationError) -> SPIFFEID {
        let names: SubjectAlternativeNames?
        do {
            names = try leaf.extensions.subjectAlternativeNames
        } catch {
            throw .malformedExtension(.leaf, name: "subject alternative name")
        }
        let uris = (names ?? SubjectAlternativeNames()).compactMap { name -> String? in
            if case .uniformResourceIdentifier(let uri) = name { uri } else { nil }
        }
        guard let uri = uris.first else { throw .noURISAN }
        guard uris.count == 1 else { throw .multipleURISANs(count: uris.count) }
        let id: SPIFFEID
        do {
            id = try SPIFFEID(parsing: uri)
        } catch {
            throw .invalidSPIFFEID(error)
        }
        guard !id.path.isEmpty else { throw .pathlessID(id) }
        return id
    }

    /// Leaf constraints: not a CA; key usage present, critical, with `digitalSignature` and without
    /// `keyCertSign`/`cRLSign`; EKU, when present and a role is given, includes the role's usage.
    static func checkLeafUsage(_ leaf: Certificate, role: PeerRole?) throws(SVIDValidationError) {
        if case .isCertificateAuthority = try basicConstraints(of: leaf, at: .leaf) { throw .leafIsCA }
        guard let keyUsageExtension = leaf.extensions[oid: .X509ExtensionID.keyUsage] else { throw .missingKeyUsage }
        guard keyUsageExtension.critical else { throw .keyUsageNotCritical }
        let keyUsage: KeyUsage
        do {
            keyUsage = try KeyUsage(keyUsageExtension)
        } catch {
            throw .malformedExtension(.leaf, name: "key usage")
        }
        if keyUsage.keyCertSign { throw .leafHasKeyCertSign }
        if keyUsage.cRLSign { throw .leafHasCRLSign }
        guard keyUsage.digitalSignature else { throw .missingDigitalSignature }
        guard let role else { return }
        let extendedKeyUsage: ExtendedKeyUsage?
        do {
            extendedKeyUsage = try leaf.extensions.extendedKeyUsage
        } catch {
            throw .malformedExtension(.leaf, name: "extended key usage")
        }
        if let extendedKeyUsage, !extendedKeyUsage.contains(role.requiredUsage) {
            throw .missingRequiredExtendedKeyUsage(role)
        }
    }

    /// A presented intermediate must be a CA whose key usage includes `keyCertSign`.
    static func checkIntermediate(_ certificate: Certificate, index: Int) throws(SVIDValidationError) {
        let position = CertificatePosition(chainIndex: index)
        guard case .isCertificateAuthority = try basicConstraints(of: certificate, at: position) else {
            throw .intermediateNotCA(index: index)
        }
        let keyUsage: KeyUsage?
        do {
            keyUsage = try certificate.extensions.keyUsage
        } catch {
            throw .malformedExtension(position, name: "key usage")
        }
        guard keyUsage?.keyCertSign == true else { throw .intermediateMissingKeyCertSign(index: index) }
    }

    /// Every critical extension must be one that SPIFFE validation processes.
    static func checkCriticalExtensions(
        _ certificate: Certificate,
        at position: CertificatePosition
    ) throws(SVIDValidationError) {
        for ext in certificate.extensions where ext.critical && !handledCriticalExtensions.contains(ext.oid) {
            throw .unhandledCriticalExtension(position, oid: ext.oid.description)
        }
    }

    /// `now` must lie within the validity window, widened by `clockSkew` on both sides.
    static func checkValidity(
        _ certificate: Certificate,
        at position: CertificatePosition,
        now: Date,
        clockSkew: TimeInterval
    ) throws(SVIDValidationError) {
        if now.addingTimeInterval(clockSkew) < certificate.notValidBefore {
            throw .notYetValid(position, notBefore: certificate.notValidBefore)
        }
        if now.addingTimeInterval(-clockSkew) > certificate.notValidAfter {
            throw .expired(position, notAfter: certificate.notValidAfter)
        }
    }

    private static func basicConstraints(
        of certificate: Certificate,
        at position: CertificatePosition
    ) throws(SVIDValidationError) -> BasicConstraints? {
        do {
            return try certificate.extensions.basicConstraints
        } catch {
            throw .malformedExtension(position, name: "basic constraints")
        }
    }
}
