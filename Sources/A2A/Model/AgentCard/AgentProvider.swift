/// The organization that provides an agent.
public struct AgentProvider: Sendable, Hashable {
    public var url: String
    public var organization: String

    public init(url: String, organization: String) {
        self.url = url
        self.organization = organization
    }
}

extension AgentProvider: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        url = try fields.require(String.self, "url")
        organization = try fields.require(String.self, "organization")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(url, "url")
        try fields.encode(organization, "organization")
    }
}
