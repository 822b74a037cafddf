import Crypto
import Foundation
import SwiftASN1
import X509

@testable import SPIFFE

/// Builds test certificates with swift-certificates, with every SVID-relevant field adjustable.
enum TestPKI {
    /// A fixed validation time so that tests do not depend on the clock.
    static let now = Date(timeIntervalSince1970: 1_900_000_000)

    static func name(_ commonName: String) -> DistinguishedName {
        try! DistinguishedName {
            OrganizationName("Hexr Tests")
            CommonName(commonName)
        }
    }

    static func der(_ certificate: Certificate) -> [UInt8] {
        var serializer = DER.Serializer()
        try! serializer.serialize(certificate)
        return serializer.serializedBytes
    }

    /// The certificate with one byte of its serial number changed, so that its signature no longer verifies.
    static func tampered(_ certificate: Certificate) throws -> Certificate {
        var bytes = der(certificate)
        let serial = Array(certificate.serialNumber.bytes)
        guard let start = firstIndex(of: serial, in: bytes) else { throw TestPKIError.serialNotFound }
        bytes[start + serial.count - 1] ^= 0x01
        return try Certificate(derEncoded: bytes)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

enum TestPKIError: Error {
    case serialNotFound
}

/// A test CA (root or intermediate).
struct TestCA {
    let key: Certificate.PrivateKey
    let certificate: Certificate

    var name: DistinguishedName { certificate.subject }
    var keyIdentifier: ArraySlice<UInt8> { try! certificate.extensions.subjectKeyIdentifier!.keyIdentifier }

    /// A self-signed root for `trustDomain`.
    static func root(
        _ commonName: String,
        trustDomain: String = "example.org",
        notBefore: Date = TestPKI.now - 86_400,
        notAfter: Date = TestPKI.now + 86_400,
        isCA: Bool = true,
        maxPathLength: Int? = nil
    ) throws -> TestCA {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let name = TestPKI.name(commonName)
        let certificate = try Certificate(
            version: .v3,
            serialNumber: .init(),
            publicKey: key.publicKey,
            notValidBefore: notBefore,
            notValidAfter: notAfter,
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(
                    isCA
                        ? BasicConstraints.isCertificateAuthority(maxPathLength: maxPathLength)
                        : BasicConstraints.notCertificateAuthority
                )
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: key.publicKey)
                SubjectAlternativeNames([.uniformResourceIdentifier("spiffe://" + trustDomain)])
            },
            issuerPrivateKey: key
        )
        return TestCA(key: key, certificate: certificate)
    }

    /// An intermediate signed by this CA.
    func intermediate(
        _ commonName: String,
        basicConstraints: BasicConstraints? = .isCertificateAuthority(maxPathLength: nil),
        keyUsage: KeyUsage = KeyUsage(keyCertSign: true, cRLSign: true),
        notBefore: Date = TestPKI.now - 3_600,
        notAfter: Date = TestPKI.now + 86_400
    ) throws -> TestCA {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        var extensions: [Certificate.Extension] = [
            try Certificate.Extension(keyUsage, critical: true),
            try Certificate.Extension(SubjectKeyIdentifier(hash: key.publicKey), critical: false),
            try Certificate.Extension(AuthorityKeyIdentifier(keyIdentifier: keyIdentifier), critical: false),
        ]
        if let basicConstraints {
            extensions.append(try Certificate.Extension(basicConstraints, critical: true))
        }
        let certificate = try Certificate(
            version: .v3,
            serialNumber: .init(),
            publicKey: key.publicKey,
            notValidBefore: notBefore,
            notValidAfter: notAfter,
            issuer: name,
            subject: TestPKI.name(commonName),
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions(extensions),
            issuerPrivateKey: self.key
        )
        return TestCA(key: key, certificate: certificate)
    }

    /// A leaf signed by this CA.
    func leaf(_ spec: LeafSpec = LeafSpec()) throws -> TestLeaf {
        let key = P256.Signing.PrivateKey()
        let publicKey = Certificate.PublicKey(key.publicKey)
        var extensions: [Certificate.Extension] = [
            try Certificate.Extension(SubjectKeyIdentifier(hash: publicKey), critical: false),
            try Certificate.Extension(AuthorityKeyIdentifier(keyIdentifier: keyIdentifier), critical: false),
        ]
        if let basicConstraints = spec.basicConstraints {
            extensions.append(try Certificate.Extension(basicConstraints, critical: true))
        }
        if let keyUsage = spec.keyUsage {
            extensions.append(try Certificate.Extension(keyUsage, critical: spec.keyUsageCritical))
        }
        if let usages = spec.extendedKeyUsage {
            extensions.append(try Certificate.Extension(ExtendedKeyUsage(usages), critical: false))
        }
        let names = spec.uris.map(GeneralName.uniformResourceIdentifier) + spec.dnsNames.map(GeneralName.dnsName)
        if !names.isEmpty {
            extensions.append(try Certificate.Extension(SubjectAlternativeNames(names), critical: spec.sanCritical))
        }
        extensions += spec.extraExtensions
        let certificate = try Certificate(
            version: .v3,
            serialNumber: .init(),
            publicKey: publicKey,
            notValidBefore: spec.notBefore,
            notValidAfter: spec.notAfter,
            issuer: name,
            subject: spec.subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions(extensions),
            issuerPrivateKey: self.key
        )
        return TestLeaf(key: key, certificate: certificate)
    }

    /// A one-authority bundle of this CA.
    func bundle(_ trustDomain: String = "example.org") throws -> TrustBundle {
        try TrustBundle(trustDomain: TrustDomain(parsing: trustDomain), x509Authorities: [certificate])
    }
}

/// What a test leaf contains; the defaults give a valid X.509-SVID for `spiffe://example.org/workload`.
struct LeafSpec {
    var uris = ["spiffe://example.org/workload"]
    var dnsNames: [String] = []
    var subject = TestPKI.name("workload")
    var basicConstraints: BasicConstraints? = .notCertificateAuthority
    var keyUsage: KeyUsage? = KeyUsage(digitalSignature: true)
    var keyUsageCritical = true
    var extendedKeyUsage: [ExtendedKeyUsage.Usage]? = [.serverAuth, .clientAuth]
    var sanCritical = false
    var notBefore = TestPKI.now - 3_600
    var notAfter = TestPKI.now + 3_600
    var extraExtensions: [Certificate.Extension] = []
}

struct TestLeaf {
    let key: P256.Signing.PrivateKey
    let certificate: Certificate

    /// The leaf as the issuer of another certificate (for "leaf signed by a leaf").
    var asIssuer: TestCA { TestCA(key: Certificate.PrivateKey(key), certificate: certificate) }
}
