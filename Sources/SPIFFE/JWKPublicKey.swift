import Crypto
import SwiftASN1
import X509

/// A public key as a JSON Web Key (RFC 7517/7518/8037): EC P-256/P-384/P-521, RSA or Ed25519.
///
/// Used for the JWT authorities of a ``TrustBundle`` and for the key members of its `x509-svid` entries.
public struct JWKPublicKey: Hashable, Sendable {
    enum Material: Hashable, Sendable {
        case ec(curve: String, x: [UInt8], y: [UInt8])
        case rsa(modulus: [UInt8], exponent: [UInt8])
        case ed25519(x: [UInt8])
    }

    let material: Material

    init(material: Material) {
        self.material = material
    }

    /// A P-256 key (the JWT-SVID signing keys Hexr issues).
    public init(_ key: P256.Signing.PublicKey) {
        let raw = Array(key.rawRepresentation)
        self.material = .ec(curve: "P-256", x: Array(raw.prefix(32)), y: Array(raw.suffix(32)))
    }

    /// The key of a certificate.
    public init(_ key: Certificate.PublicKey) throws(TrustBundleError) {
        if let p256 = P256.Signing.PublicKey(key) {
            self.init(p256)
        } else if let p384 = P384.Signing.PublicKey(key) {
            let raw = Array(p384.rawRepresentation)
            self.init(material: .ec(curve: "P-384", x: Array(raw.prefix(48)), y: Array(raw.suffix(48))))
        } else if let p521 = P521.Signing.PublicKey(key) {
            let raw = Array(p521.rawRepresentation)
            self.init(material: .ec(curve: "P-521", x: Array(raw.prefix(66)), y: Array(raw.suffix(66))))
        } else if let ed25519 = Curve25519.Signing.PublicKey(key) {
            self.init(material: .ed25519(x: Array(ed25519.rawRepresentation)))
        } else if let (modulus, exponent) = Self.rsaComponents(of: key) {
            self.init(material: .rsa(modulus: modulus, exponent: exponent))
        } else {
            throw .unsupportedAuthorityKey(String(describing: key))
        }
    }

    /// The JWK `kty`: `EC`, `RSA` or `OKP`.
    public var keyType: String {
        switch material {
        case .ec: "EC"
        case .rsa: "RSA"
        case .ed25519: "OKP"
        }
    }

    /// The key as a swift-crypto P-256 key, when it is one (the only key type ES256 accepts).
    public var p256: P256.Signing.PublicKey? {
        guard case .ec("P-256", let x, let y) = material else { return nil }
        return try? P256.Signing.PublicKey(rawRepresentation: x + y)
    }

    /// RSA modulus and exponent from the SubjectPublicKeyInfo of `key`, without leading zero bytes.
    private static func rsaComponents(of key: Certificate.PublicKey) -> ([UInt8], [UInt8])? {
        let rsaEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 1]
        do {
            let info = try DER.parse(Array(key.subjectPublicKeyInfoBytes))
            return try DER.sequence(info, identifier: .sequence) { nodes in
                guard let algorithmNode = nodes.next() else { throw MalformedKeyInfo() }
                let algorithm = try DER.sequence(algorithmNode, identifier: .sequence) { algorithmNodes in
                    let oid = try ASN1ObjectIdentifier(derEncoded: &algorithmNodes)
                    while algorithmNodes.next() != nil {}
                    return oid
                }
                guard algorithm == rsaEncryption, let bitsNode = nodes.next() else { return nil }
                let bits = try ASN1BitString(derEncoded: bitsNode)
                return try DER.sequence(DER.parse(Array(bits.bytes)), identifier: .sequence) { rsaNodes in
                    let modulus = try ArraySlice<UInt8>(derEncoded: &rsaNodes)
                    let exponent = try ArraySlice<UInt8>(derEncoded: &rsaNodes)
                    return (trimmingLeadingZeros(modulus), trimmingLeadingZeros(exponent))
                }
            }
        } catch {
            return nil
        }
    }

    private struct MalformedKeyInfo: Error {}

    static func trimmingLeadingZeros(_ bytes: some Collection<UInt8>) -> [UInt8] {
        Array(bytes.drop(while: { $0 == 0 }))
    }
}
