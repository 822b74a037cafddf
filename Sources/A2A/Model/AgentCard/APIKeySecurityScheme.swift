/// An API key sent in a header, query parameter or cookie.
public struct APIKeySecurityScheme: Sendable, Hashable {
    public var description: String?
    /// `"header"`, `"query"` or `"cookie"`.
    public var location: String
    /// The header, parameter or cookie name.
    public var name: String

    public init(description: String? = nil, location: String, name: String) {
        self.description = description
        self.location = location
        self.name = name
    }
}

extension APIKeySecurityScheme: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        description = try fields.string("description")
        location = try fields.require(String.self, "location")
        name = try fields.require(String.self, "name")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(description, "description")
        try fields.encode(location, "location")
        try fields.encode(name, "name")
    }
}
