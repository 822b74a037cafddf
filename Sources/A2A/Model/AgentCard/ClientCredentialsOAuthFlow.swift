/// The OAuth 2.0 client credentials flow.
public struct ClientCredentialsOAuthFlow: Sendable, Hashable {
    public var tokenUrl: String
    public var refreshUrl: String?
    /// Scope name → description.
    public var scopes: [String: String]

    public init(tokenUrl: String, refreshUrl: String? = nil, scopes: [String: String]) {
        self.tokenUrl = tokenUrl
        self.refreshUrl = refreshUrl
        self.scopes = scopes
    }
}

extension ClientCredentialsOAuthFlow: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        tokenUrl = try fields.require(String.self, "tokenUrl")
        refreshUrl = try fields.string("refreshUrl")
        scopes = try fields.stringMap("scopes")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(tokenUrl, "tokenUrl")
        try fields.string(refreshUrl, "refreshUrl")
        try fields.encode(scopes, "scopes")
    }
}
