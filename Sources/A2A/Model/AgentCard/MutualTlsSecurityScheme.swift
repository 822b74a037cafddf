/// Mutual TLS: the client authenticates with a certificate. The spec gives it only a description.
public struct MutualTlsSecurityScheme: Sendable, Hashable {
    public var description: String?

    public init(description: String? = nil) {
        self.description = description
    }
}

extension MutualTlsSecurityScheme: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        description = try fields.string("description")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(description, "description")
    }
}
