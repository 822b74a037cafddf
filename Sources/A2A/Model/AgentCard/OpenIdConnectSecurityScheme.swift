/// OpenID Connect discovery.
public struct OpenIdConnectSecurityScheme: Sendable, Hashable {
    public var description: String?
    /// The OpenID Connect discovery URL.
    public var openIdConnectUrl: String

    public init(description: String? = nil, openIdConnectUrl: String) {
        self.description = description
        self.openIdConnectUrl = openIdConnectUrl
    }
}

extension OpenIdConnectSecurityScheme: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        description = try fields.string("description")
        openIdConnectUrl = try fields.require(String.self, "openIdConnectUrl")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(description, "description")
        try fields.encode(openIdConnectUrl, "openIdConnectUrl")
    }
}
