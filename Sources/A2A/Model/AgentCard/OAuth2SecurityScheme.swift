/// OAuth 2.0.
public struct OAuth2SecurityScheme: Sendable, Hashable {
    public var description: String?
    public var flows: OAuthFlows
    /// RFC 8414 authorization server metadata URL.
    public var oauth2MetadataUrl: String?

    public init(description: String? = nil, flows: OAuthFlows, oauth2MetadataUrl: String? = nil) {
        self.description = description
        self.flows = flows
        self.oauth2MetadataUrl = oauth2MetadataUrl
    }
}

extension OAuth2SecurityScheme: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        description = try fields.string("description")
        flows = try fields.require(OAuthFlows.self, "flows")
        oauth2MetadataUrl = try fields.string("oauth2MetadataUrl")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(description, "description")
        try fields.encode(flows, "flows")
        try fields.string(oauth2MetadataUrl, "oauth2MetadataUrl")
    }
}
