/// The OAuth 2.0 authorization code flow.
public struct AuthorizationCodeOAuthFlow: Sendable, Hashable {
    public var authorizationUrl: String
    public var tokenUrl: String
    public var refreshUrl: String?
    /// Scope name → description.
    public var scopes: [String: String]
    /// PKCE (RFC 7636) is required.
    public var pkceRequired: Bool

    public init(
        authorizationUrl: String, tokenUrl: String, refreshUrl: String? = nil, scopes: [String: String],
        pkceRequired: Bool = false
    ) {
        self.authorizationUrl = authorizationUrl
        self.tokenUrl = tokenUrl
        self.refreshUrl = refreshUrl
        self.scopes = scopes
        self.pkceRequired = pkceRequired
    }
}

extension AuthorizationCodeOAuthFlow: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        authorizationUrl = try fields.require(String.self, "authorizationUrl")
        tokenUrl = try fields.require(String.self, "tokenUrl")
        refreshUrl = try fields.string("refreshUrl")
        scopes = try fields.stringMap("scopes")
        pkceRequired = try fields.flag("pkceRequired")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(authorizationUrl, "authorizationUrl")
        try fields.encode(tokenUrl, "tokenUrl")
        try fields.string(refreshUrl, "refreshUrl")
        try fields.encode(scopes, "scopes")
        try fields.flag(pkceRequired, "pkceRequired")
    }
}
