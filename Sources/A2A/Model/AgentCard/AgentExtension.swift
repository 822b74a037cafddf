/// A protocol extension the agent supports.
public struct AgentExtension: Sendable, Hashable {
    /// Identifies the extension (and its version).
    public var uri: String
    public var description: String?
    /// Clients must activate this extension to talk to the agent.
    public var required: Bool
    /// Extension-specific configuration.
    public var params: JSONObject?

    public init(uri: String, description: String? = nil, required: Bool = false, params: JSONObject? = nil) {
        self.uri = uri
        self.description = description
        self.required = required
        self.params = params
    }
}

extension AgentExtension: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        uri = try fields.decode(String.self, "uri") ?? ""
        description = try fields.string("description")
        required = try fields.flag("required")
        params = try fields.object("params")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(uri, "uri")
        try fields.string(description, "description")
        try fields.flag(required, "required")
        try fields.encodeIfPresent(params, "params")
    }
}
