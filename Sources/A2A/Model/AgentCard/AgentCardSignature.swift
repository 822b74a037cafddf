/// A detached JWS over the card's canonical JSON (RFC 7515 / RFC 8785).
public struct AgentCardSignature: Sendable, Hashable {
    /// The base64url-encoded protected JWS header.
    public var protected: String
    /// The base64url-encoded signature.
    public var signature: String
    /// The unprotected JWS header.
    public var header: JSONObject?

    public init(protected: String, signature: String, header: JSONObject? = nil) {
        self.protected = protected
        self.signature = signature
        self.header = header
    }
}

extension AgentCardSignature: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        protected = try fields.require(String.self, "protected")
        signature = try fields.require(String.self, "signature")
        header = try fields.object("header")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(protected, "protected")
        try fields.encode(signature, "signature")
        try fields.encodeIfPresent(header, "header")
    }
}
