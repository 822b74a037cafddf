/// The OAuth 2.0 implicit flow (deprecated by the spec).
public struct ImplicitOAuthFlow: Sendable, Hashable {
    public var authorizationUrl: String?
    public var refreshUrl: String?
    /// Scope name → description.
    public var scopes: [String: String]

    public init(authorizationUrl: String? = nil, refreshUrl: String? = nil, scopes: [String: String] = [:]) {
        self.authorizationUrl = authorizationUrl
        self.refreshUrl = refreshUrl
        self.scopes = scopes
    }
}

extension ImplicitOAuthFlow: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        authorizationUrl = try fields.string("authorizationUrl")
        refreshUrl = try fields.string("refreshUrl")
        scopes = try fields.stringMap("scopes")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(authorizationUrl, "authorizationUrl")
        try fields.string(refreshUrl, "refreshUrl")
        try fields.map(scopes, "scopes")
    }
}
