/// Optional protocol features the agent supports.
public struct AgentCapabilities: Sendable, Hashable {
    /// `SendStreamingMessage` and `SubscribeToTask` are available.
    public var streaming: Bool?
    /// Push-notification webhooks are available.
    public var pushNotifications: Bool?
    public var extensions: [AgentExtension]
    /// `GetExtendedAgentCard` is available (to authenticated clients).
    public var extendedAgentCard: Bool?

    public init(
        streaming: Bool? = nil, pushNotifications: Bool? = nil, extensions: [AgentExtension] = [],
        extendedAgentCard: Bool? = nil
    ) {
        self.streaming = streaming
        self.pushNotifications = pushNotifications
        self.extensions = extensions
        self.extendedAgentCard = extendedAgentCard
    }
}

extension AgentCapabilities: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        streaming = try fields.decode(Bool.self, "streaming")
        pushNotifications = try fields.decode(Bool.self, "pushNotifications")
        extensions = try fields.list(AgentExtension.self, "extensions")
        extendedAgentCard = try fields.decode(Bool.self, "extendedAgentCard")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encodeIfPresent(streaming, "streaming")
        try fields.encodeIfPresent(pushNotifications, "pushNotifications")
        try fields.list(extensions, "extensions")
        try fields.encodeIfPresent(extendedAgentCard, "extendedAgentCard")
    }
}
