/// The OAuth 2.0 flow a scheme uses; a oneof keyed by the flow name.
public enum OAuthFlows: Sendable, Hashable {
    case authorizationCode(AuthorizationCodeOAuthFlow)
    case clientCredentials(ClientCredentialsOAuthFlow)
    /// Deprecated by the spec.
    case implicit(ImplicitOAuthFlow)
    /// Deprecated by the spec.
    case password(PasswordOAuthFlow)
    case deviceCode(DeviceCodeOAuthFlow)
}

extension OAuthFlows: Codable {
    private static let members = ["authorizationCode", "clientCredentials", "implicit", "password", "deviceCode"]

    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        let member = try fields.oneof(Self.members)
        switch member {
        case "authorizationCode": self = .authorizationCode(try fields.require(AuthorizationCodeOAuthFlow.self, member))
        case "clientCredentials": self = .clientCredentials(try fields.require(ClientCredentialsOAuthFlow.self, member))
        case "implicit": self = .implicit(try fields.require(ImplicitOAuthFlow.self, member))
        case "password": self = .password(try fields.require(PasswordOAuthFlow.self, member))
        default: self = .deviceCode(try fields.require(DeviceCodeOAuthFlow.self, member))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        switch self {
        case .authorizationCode(let flow): try fields.encode(flow, "authorizationCode")
        case .clientCredentials(let flow): try fields.encode(flow, "clientCredentials")
        case .implicit(let flow): try fields.encode(flow, "implicit")
        case .password(let flow): try fields.encode(flow, "password")
        case .deviceCode(let flow): try fields.encode(flow, "deviceCode")
        }
    }
}
