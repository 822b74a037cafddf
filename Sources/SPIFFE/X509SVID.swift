import SwiftASN1
import X509

/// A workload's own X.509-SVID: the certificate chain (leaf first) and the leaf's private key.
///
/// Construction checks the chain and key as go-spiffe's `x509svid.Parse` does (exactly one URI SAN with a
/// valid, non-root SPIFFE ID; leaf not a CA, `digitalSignature` without `keyCertSign`/`cRLSign`; every further
/// certificate a CA with `keyCertSign`; the key matches the leaf). Validity dates are not checked here.
public struct X509SVID: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The SPIFFE ID in the leaf's URI SAN.
    public let id: SPIFFEID
    /// The certificates, leaf first, then intermediates.
    public let certificates: [Certificate]
    /// The leaf's private key.
    public let privateKey: Certificate.PrivateKey
    /// The certificates as DER, in chain order.
    public let certificatesDER: [[UInt8]]
    /// The private key as unencrypted PKCS#8 DER (what the Workload API delivers).
    public let privateKeyDER: [UInt8]

    /// Builds an SVID from parsed certificates and a key.
    public init(certificates: [Certificate], privateKey: Certificate.PrivateKey) throws(SVIDValidationError) {
        let keyDocument: PEMDocument
        do {
            keyDocument = try privateKey.serializeAsPEM()
        } catch {
            throw .unparsablePrivateKey
        }
        guard keyDocument.discriminator == "PRIVATE KEY" else { throw .unparsablePrivateKey }
        try self.init(certificates: certificates, privateKey: privateKey, privateKeyDER: keyDocument.derBytes)
    }

    /// Parses DER certificates (leaf first) and a PKCS#8 DER private key.
    public init(chainDER: [[UInt8]], privateKeyDER: [UInt8]) throws(SVIDValidationError) {
        var certificates: [Certificate] = []
        for (index, der) in chainDER.enumerated() {
            do {
                certificates.append(try Certificate(derEncoded: der))
            } catch {
                throw .unparsableCertificate(index: index, reason: String(describing: error))
            }
        }
        let key: Certificate.PrivateKey
        do {
            key = try Certificate.PrivateKey(derBytes: privateKeyDER)
        } catch {
            throw .unparsablePrivateKey
        }
        try self.init(certificates: certificates, privateKey: key, privateKeyDER: privateKeyDER)
    }

    /// Parses the Workload API form: concatenated DER certificates and a PKCS#8 DER private key.
    public init(concatenatedChainDER: [UInt8], privateKeyDER: [UInt8]) throws(SVIDValidationError) {
        let elements: [ArraySlice<UInt8>]
        do {
            elements = try CertificateEncoding.split(concatenatedDER: concatenatedChainDER)
        } catch {
            throw .unparsableCertificate(index: 0, reason: error.description)
        }
        try self.init(chainDER: elements.map(Array.init), privateKeyDER: privateKeyDER)
    }

    /// Parses PEM certificates (leaf first) and a PKCS#8 PEM private key (`PRIVATE KEY` block).
    public init(certificatesPEM: String, privateKeyPEM: String) throws(SVIDValidationError) {
        let derCertificates: [[UInt8]]
        do {
            derCertificates = try CertificateEncoding.derBlocks(pem: certificatesPEM)
        } catch {
            throw .unparsableCertificate(index: 0, reason: error.description)
        }
        guard let document = try? PEMDocument(pemString: privateKeyPEM), document.discriminator == "PRIVATE KEY"
        else { throw .unparsablePrivateKey }
        try self.init(chainDER: derCertificates, privateKeyDER: document.derBytes)
    }

    private init(
        certificates: [Certificate],
        privateKey: Certificate.PrivateKey,
        privateKeyDER: [UInt8]
    ) throws(SVIDValidationError) {
        guard let leaf = certificates.first else { throw .emptyChain }
        self.id = try SVIDRules.spiffeID(ofLeaf: leaf)
        try SVIDRules.checkLeafUsage(leaf, role: nil)
        for index in certificates.indices.dropFirst() {
            try SVIDRules.checkIntermediate(certificates[index], index: index)
        }
        guard privateKey.publicKey == leaf.publicKey else { throw .privateKeyMismatch }
        var derCertificates: [[UInt8]] = []
        for (index, certificate) in certificates.enumerated() {
            do {
                derCertificates.append(try CertificateEncoding.der(certificate))
            } catch {
                throw .unparsableCertificate(index: index, reason: error.description)
            }
        }
        self.certificates = certificates
        self.privateKey = privateKey
        self.certificatesDER = derCertificates
        self.privateKeyDER = privateKeyDER
    }

    /// For SVIDs just issued by ``SigningAuthority``, whose profile already guarantees the rules.
    init(
        issuedID id: SPIFFEID,
        certificates: [Certificate],
        certificatesDER: [[UInt8]],
        privateKey: Certificate.PrivateKey,
        privateKeyDER: [UInt8]
    ) {
        self.id = id
        self.certificates = certificates
        self.certificatesDER = certificatesDER
        self.privateKey = privateKey
        self.privateKeyDER = privateKeyDER
    }

    /// The SVID's own certificate.
    public var leaf: Certificate { certificates[0] }

    /// The certificates as concatenated DER (the Workload API `x509_svid` field).
    public var concatenatedChainDER: [UInt8] { certificatesDER.flatMap { $0 } }

    /// The certificates as PEM `CERTIFICATE` blocks, leaf first.
    public var certificatesPEM: String { CertificateEncoding.pem(derCertificates: certificatesDER) }

    /// The private key as a PKCS#8 PEM `PRIVATE KEY` block. Keep it out of logs.
    public var privateKeyPEM: String { PEMDocument(type: "PRIVATE KEY", derBytes: privateKeyDER).pemString + "\n" }

    /// The descriptions name the ID and expiry only, never the key.
    public var description: String {
        "X509SVID(\(id), expires \(leaf.notValidAfter.formatted(.iso8601)))"
    }

    public var debugDescription: String { description }
}
