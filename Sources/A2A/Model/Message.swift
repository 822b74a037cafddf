/// One turn of communication between client and agent.
public struct Message: Sendable, Hashable {
    public var messageId: String
    public var contextId: String?
    public var taskId: String?
    public var role: Role
    public var parts: [Part]
    public var metadata: JSONObject?
    /// URIs of the extensions used in this message.
    public var extensions: [String]
    /// Ids of tasks this message refers to.
    public var referenceTaskIds: [String]

    public init(
        messageId: String, contextId: String? = nil, taskId: String? = nil, role: Role, parts: [Part],
        metadata: JSONObject? = nil, extensions: [String] = [], referenceTaskIds: [String] = []
    ) {
        self.messageId = messageId
        self.contextId = contextId
        self.taskId = taskId
        self.role = role
        self.parts = parts
        self.metadata = metadata
        self.extensions = extensions
        self.referenceTaskIds = referenceTaskIds
    }
}

extension Message: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        messageId = try fields.require(String.self, "messageId")
        contextId = try fields.string("contextId")
        taskId = try fields.string("taskId")
        role = try fields.require(Role.self, "role")
        parts = try fields.requireList(Part.self, "parts")
        metadata = try fields.object("metadata")
        extensions = try fields.list(String.self, "extensions")
        referenceTaskIds = try fields.list(String.self, "referenceTaskIds")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(messageId, "messageId")
        try fields.string(contextId, "contextId")
        try fields.string(taskId, "taskId")
        try fields.encode(role, "role")
        try fields.encode(parts, "parts")
        try fields.encodeIfPresent(metadata, "metadata")
        try fields.list(extensions, "extensions")
        try fields.list(referenceTaskIds, "referenceTaskIds")
    }
}
