/// Params of `SendMessage` and `SendStreamingMessage`.
public struct SendMessageRequest: Sendable, Hashable {
    public var tenant: String?
    public var message: Message
    public var configuration: SendMessageConfiguration?
    public var metadata: JSONObject?

    public init(
        tenant: String? = nil, message: Message, configuration: SendMessageConfiguration? = nil,
        metadata: JSONObject? = nil
    ) {
        self.tenant = tenant
        self.message = message
        self.configuration = configuration
        self.metadata = metadata
    }
}

extension SendMessageRequest: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        tenant = try fields.string("tenant")
        message = try fields.require(Message.self, "message")
        configuration = try fields.decode(SendMessageConfiguration.self, "configuration")
        metadata = try fields.object("metadata")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(tenant, "tenant")
        try fields.encode(message, "message")
        try fields.encodeIfPresent(configuration, "configuration")
        try fields.encodeIfPresent(metadata, "metadata")
    }
}
