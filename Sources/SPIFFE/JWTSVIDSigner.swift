import Crypto
import Foundation

/// Signs JWT-SVIDs with a P-256 key (ES256), header `{"alg":"ES256","kid":…,"typ":"JWT"}` and claims `sub`,
/// `aud` (always an array), `exp` and `iat`, the shape SPIRE issues.
public struct JWTSVIDSigner: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The key ID published with the public key in the trust bundle.
    public let keyID: String
    let privateKey: P256.Signing.PrivateKey

    public init(keyID: String, privateKey: P256.Signing.PrivateKey) {
        self.keyID = keyID
        self.privateKey = privateKey
    }

    /// Names the key ID only, never the key.
    public var description: String { "JWTSVIDSigner(keyID: \(keyID))" }

    public var debugDescription: String { description }

    /// The public key to publish as a JWT authority under ``keyID``.
    public var publicKey: JWKPublicKey { JWKPublicKey(privateKey.publicKey) }

    /// A compact JWS for `subject`, valid for `audience` until `expiresAt`.
    public func sign(
        subject: SPIFFEID,
        audience: [String],
        expiresAt: Date,
        issuedAt: Date
    ) throws(JWTSVIDError) -> String {
        guard !audience.isEmpty else { throw .emptyAudience }
        let header = #"{"alg":"ES256","kid":\#(Self.jsonString(keyID)),"typ":"JWT"}"#
        let audienceJSON = "[" + audience.map(Self.jsonString).joined(separator: ",") + "]"
        let claims =
            #"{"sub":\#(Self.jsonString(subject.description)),"aud":\#(audienceJSON),"#
            + #""exp":\#(Int64(expiresAt.timeIntervalSince1970.rounded(.down))),"#
            + #""iat":\#(Int64(issuedAt.timeIntervalSince1970.rounded(.down)))}"#
        let signingInput = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(claims.utf8))
        do {
            let signature = try privateKey.signature(for: Data(signingInput.utf8))
            return signingInput + "." + Base64URL.encode(signature.rawRepresentation)
        } catch {
            throw .signingFailed
        }
    }

    /// `text` as a JSON string literal (RFC 8259 §7).
    private static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
