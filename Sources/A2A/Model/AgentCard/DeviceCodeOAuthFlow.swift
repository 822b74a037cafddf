/// The OAuth 2.0 device authorization flow (RFC 8628).
public struct DeviceCodeOAuthFlow: Sendable, Hashable {
    public var deviceAuthorizationUrl: String
    public var tokenUrl: String
    public var refreshUrl: String?
    /// Scope name → description.
    public var scopes: [String: String]

    public init(deviceAuthorizationUrl: String, tokenUrl: String, refreshUrl: String? = nil, scopes: [String: String]) {
        self.deviceAuthorizationUrl = deviceAuthorizationUrl
        self.tokenUrl = tokenUrl
        self.refreshUrl = refreshUrl
        self.scopes = scopes
    }
}

extension DeviceCodeOAuthFlow: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        deviceAuthorizationUrl = try fields.require(String.self, "deviceAuthorizationUrl")
        tokenUrl = try fields.require(String.self, "tokenUrl")
        refreshUrl = try fields.string("refreshUrl")
        scopes = try fields.stringMap("scopes")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(deviceAuthorizationUrl, "deviceAuthorizationUrl")
        try fields.encode(tokenUrl, "tokenUrl")
        try fields.string(refreshUrl, "refreshUrl")
        try fields.encode(scopes, "scopes")
    }
}
