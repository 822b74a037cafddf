/// Credentials the agent presents when delivering push notifications (`Authorization: {scheme} {credentials}`).
public struct AuthenticationInfo: Sendable, Hashable {
    /// The HTTP auth scheme, e.g. `Bearer`.
    public var scheme: String
    public var credentials: String?

    public init(scheme: String, credentials: String? = nil) {
        self.scheme = scheme
        self.credentials = credentials
    }
}

extension AuthenticationInfo: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        scheme = try fields.require(String.self, "scheme")
        credentials = try fields.string("credentials")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(scheme, "scheme")
        try fields.string(credentials, "credentials")
    }
}
