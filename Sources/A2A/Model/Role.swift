/// Who sent a message (`lf.a2a.v1.Role`), encoded as its proto name.
public enum Role: String, Sendable, CaseIterable, Hashable {
    case unspecified = "ROLE_UNSPECIFIED"
    /// Client to server.
    case user = "ROLE_USER"
    /// Server to client.
    case agent = "ROLE_AGENT"
}

extension Role: Codable {
    public init(from decoder: any Decoder) throws {
        self = try ProtoEnumCoding.decode(Role.self, named: "Role", from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try ProtoEnumCoding.encode(self, to: encoder)
    }
}
