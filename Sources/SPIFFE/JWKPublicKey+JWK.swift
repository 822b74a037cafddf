import Crypto

/// Conversion between ``JWKPublicKey`` and the members of a JWK.
extension JWKPublicKey {
    /// Why the key members of a JWK are malformed.
    struct FormatError: Error {
        let reason: String
    }

    /// The key types this module reads; a JWK with another `kty` is ignored, as the bundle standard says.
    static let knownKeyTypes: Set<String> = ["EC", "RSA", "OKP"]

    private static let curveCoordinateSizes = ["P-256": 32, "P-384": 48, "P-521": 66]

    /// Reads and checks the key members (`crv`, `x`, `y`, `n`, `e`) of a JWK whose `kty` is known.
    init(jwk: JWKSDocument.Key) throws(FormatError) {
        switch jwk.kty {
        case "EC":
            guard let curve = jwk.crv else { throw FormatError(reason: "EC key without \"crv\"") }
            guard let size = Self.curveCoordinateSizes[curve] else {
                throw FormatError(reason: "unsupported EC curve \"\(curve.prefix(16))\"")
            }
            let x = try Self.member(jwk.x, named: "x", size: size)
            let y = try Self.member(jwk.y, named: "y", size: size)
            guard Self.isOnCurve(curve: curve, raw: x + y) else {
                throw FormatError(reason: "EC point is not on curve \(curve)")
            }
            self.init(material: .ec(curve: curve, x: x, y: y))
        case "RSA":
            let modulus = Self.trimmingLeadingZeros(try Self.member(jwk.n, named: "n", size: nil))
            let exponent = Self.trimmingLeadingZeros(try Self.member(jwk.e, named: "e", size: nil))
            guard !modulus.isEmpty, !exponent.isEmpty else { throw FormatError(reason: "RSA key with a zero member") }
            self.init(material: .rsa(modulus: modulus, exponent: exponent))
        case "OKP":
            guard jwk.crv == "Ed25519" else { throw FormatError(reason: "OKP key whose \"crv\" is not Ed25519") }
            let x = try Self.member(jwk.x, named: "x", size: 32)
            guard (try? Curve25519.Signing.PublicKey(rawRepresentation: x)) != nil else {
                throw FormatError(reason: "invalid Ed25519 key")
            }
            self.init(material: .ed25519(x: x))
        default:
            throw FormatError(reason: "unsupported key type")
        }
    }

    /// A JWK with `kty` and the key members filled in.
    var jwk: JWKSDocument.Key {
        var key = JWKSDocument.Key(kty: keyType)
        switch material {
        case .ec(let curve, let x, let y):
            key.crv = curve
            key.x = Base64URL.encode(x)
            key.y = Base64URL.encode(y)
        case .rsa(let modulus, let exponent):
            key.n = Base64URL.encode(modulus)
            key.e = Base64URL.encode(exponent)
        case .ed25519(let x):
            key.crv = "Ed25519"
            key.x = Base64URL.encode(x)
        }
        return key
    }

    private static func member(_ value: String?, named name: String, size: Int?) throws(FormatError) -> [UInt8] {
        guard let value else { throw FormatError(reason: "missing \"\(name)\"") }
        guard let bytes = Base64URL.decode(value), !bytes.isEmpty else {
            throw FormatError(reason: "\"\(name)\" is not base64url")
        }
        if let size, bytes.count != size {
            throw FormatError(reason: "\"\(name)\" has \(bytes.count) bytes, expected \(size)")
        }
        return bytes
    }

    private static func isOnCurve(curve: String, raw: [UInt8]) -> Bool {
        switch curve {
        case "P-256": (try? P256.Signing.PublicKey(rawRepresentation: raw)) != nil
        case "P-384": (try? P384.Signing.PublicKey(rawRepresentation: raw)) != nil
        case "P-521": (try? P521.Signing.PublicKey(rawRepresentation: raw)) != nil
        default: false
        }
    }
}
