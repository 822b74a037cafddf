import Foundation
import SwiftASN1
import X509

/// The certificate profile Hexr issues, as verified with py-spiffe, spiffe-tls and `openssl verify` (reference
/// §2.5, mirroring SPIRE): EC P-256 keys, ECDSA-SHA256 signatures, random 20-octet serials, notBefore 10 s back.
enum SVIDProfile {
    /// SPIRE's `NotBeforeCushion`: certificates start slightly in the past to tolerate clock drift.
    static let notBeforeCushion: TimeInterval = 10
    /// X.520 `serialNumber` attribute type, used to give each authority generation a distinct subject.
    static let serialNumberAttribute: ASN1ObjectIdentifier = [2, 5, 4, 5]

    /// A self-signed root: BasicConstraints critical CA:TRUE, KeyUsage critical keyCertSign+cRLSign, SKID, and the
    /// URI SAN `spiffe://<td>` (non-critical, since the subject is not empty).
    static func authority(
        trustDomain: TrustDomain,
        key: Certificate.PrivateKey,
        notBefore: Date,
        notAfter: Date
    ) throws -> Certificate {
        let serial = randomSerialNumber()
        let subject = try DistinguishedName {
            CountryName("US")
            OrganizationName("SPIFFE")
            CommonName("Hexr SPIFFE CA \(trustDomain)")
        }
        let serialRDN = RelativeDistinguishedName(
            try .init(type: serialNumberAttribute, printableString: hex(serial.bytes))
        )
        let name = DistinguishedName(Array(subject) + [serialRDN])
        return try Certificate(
            version: .v3,
            serialNumber: serial,
            publicKey: key.publicKey,
            notValidBefore: notBefore,
            notValidAfter: notAfter,
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: key.publicKey)
                SubjectAlternativeNames([.uniformResourceIdentifier(trustDomain.idString)])
            },
            issuerPrivateKey: key
        )
    }

    /// The subject of every leaf (reference §2.5: a non-empty subject, so the SAN stays non-critical).
    static func leafSubject() throws -> DistinguishedName {
        try DistinguishedName {
            CountryName("US")
            OrganizationName("Hexr")
        }
    }

    /// A leaf X.509-SVID: BasicConstraints critical CA:FALSE, KeyUsage critical digitalSignature, EKU
    /// serverAuth+clientAuth, SKID, AKID = the issuer's SKID, and exactly one URI SAN.
    static func leaf(
        id: SPIFFEID,
        publicKey: Certificate.PublicKey,
        subject: DistinguishedName,
        issuer: Certificate,
        issuerKeyIdentifier: ArraySlice<UInt8>,
        issuerKey: Certificate.PrivateKey,
        notBefore: Date,
        notAfter: Date
    ) throws -> Certificate {
        try Certificate(
            version: .v3,
            serialNumber: randomSerialNumber(),
            publicKey: publicKey,
            notValidBefore: notBefore,
            notValidAfter: notAfter,
            issuer: issuer.subject,
            subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth, .clientAuth])
                SubjectKeyIdentifier(hash: publicKey)
                AuthorityKeyIdentifier(keyIdentifier: issuerKeyIdentifier)
                SubjectAlternativeNames([.uniformResourceIdentifier(id.description)])
            },
            issuerPrivateKey: issuerKey
        )
    }

    /// A random positive serial of at most 20 octets in its DER encoding (RFC 5280 §4.1.2.2): the top bit of the
    /// first of 20 random bytes is cleared, so no sign octet is needed.
    static func randomSerialNumber() -> Certificate.SerialNumber {
        var random = SystemRandomNumberGenerator()
        var bytes = (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &random) }
        bytes[0] &= 0x7F
        return Certificate.SerialNumber(bytes: bytes)
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }
}
