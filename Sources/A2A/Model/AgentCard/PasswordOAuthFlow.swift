/// The OAuth 2.0 resource owner password flow (deprecated by the spec).
public struct PasswordOAuthFlow: Sendable, Hashable {
    public var tokenUrl: String?
    public var refreshUrl: String?
    /// Scope name → description.
    public var scopes: [String: String]

    public init(tokenUrl: String? = nil, refreshUrl: String? = nil, scopes: [String: String] = [:]) {
        self.tokenUrl = tokenUrl
        self.refreshUrl = refreshUrl
        self.scopes = scopes
    }
}

extension PasswordOAuthFlow: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        tokenUrl = try fields.string("tokenUrl")
        refreshUrl = try fields.string("refreshUrl")
        scopes = try fields.stringMap("scopes")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(tokenUrl, "tokenUrl")
        try fields.string(refreshUrl, "refreshUrl")
        try fields.map(scopes, "scopes")
    }
}
