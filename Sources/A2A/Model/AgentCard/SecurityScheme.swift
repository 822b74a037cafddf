/// How a client authenticates; a oneof whose JSON member name is the discriminator
/// (`{"mtlsSecurityScheme": {…}}`).
public enum SecurityScheme: Sendable, Hashable {
    case apiKey(APIKeySecurityScheme)
    case httpAuth(HTTPAuthSecurityScheme)
    case oauth2(OAuth2SecurityScheme)
    case openIdConnect(OpenIdConnectSecurityScheme)
    case mtls(MutualTlsSecurityScheme)
}

extension SecurityScheme: Codable {
    private static let members = [
        "apiKeySecurityScheme", "httpAuthSecurityScheme", "oauth2SecurityScheme", "openIdConnectSecurityScheme",
        "mtlsSecurityScheme",
    ]

    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        let member = try fields.oneof(Self.members)
        switch member {
        case "apiKeySecurityScheme": self = .apiKey(try fields.require(APIKeySecurityScheme.self, member))
        case "httpAuthSecurityScheme": self = .httpAuth(try fields.require(HTTPAuthSecurityScheme.self, member))
        case "oauth2SecurityScheme": self = .oauth2(try fields.require(OAuth2SecurityScheme.self, member))
        case "openIdConnectSecurityScheme":
            self = .openIdConnect(try fields.require(OpenIdConnectSecurityScheme.self, member))
        default: self = .mtls(try fields.require(MutualTlsSecurityScheme.self, member))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        switch self {
        case .apiKey(let scheme): try fields.encode(scheme, "apiKeySecurityScheme")
        case .httpAuth(let scheme): try fields.encode(scheme, "httpAuthSecurityScheme")
        case .oauth2(let scheme): try fields.encode(scheme, "oauth2SecurityScheme")
        case .openIdConnect(let scheme): try fields.encode(scheme, "openIdConnectSecurityScheme")
        case .mtls(let scheme): try fields.encode(scheme, "mtlsSecurityScheme")
        }
    }
}
