/// HTTP authentication (RFC 7235), e.g. `Bearer`.
public struct HTTPAuthSecurityScheme: Sendable, Hashable {
    public var description: String?
    /// The scheme name, e.g. `"Bearer"` or `"Basic"`.
    public var scheme: String
    /// A hint about the bearer token format, e.g. `"JWT"`.
    public var bearerFormat: String?

    public init(description: String? = nil, scheme: String, bearerFormat: String? = nil) {
        self.description = description
        self.scheme = scheme
        self.bearerFormat = bearerFormat
    }
}

extension HTTPAuthSecurityScheme: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        description = try fields.string("description")
        scheme = try fields.require(String.self, "scheme")
        bearerFormat = try fields.string("bearerFormat")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(description, "description")
        try fields.encode(scheme, "scheme")
        try fields.string(bearerFormat, "bearerFormat")
    }
}
