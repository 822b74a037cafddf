/// A unit of work (proto `lf.a2a.v1.Task`; renamed because `Task` is Swift concurrency's type).
public struct A2ATask: Sendable, Hashable {
    public var id: String
    /// Always present: the server assigns one when the client does not.
    public var contextId: String
    public var status: TaskStatus
    public var artifacts: [Artifact]
    public var history: [Message]
    public var metadata: JSONObject?

    public init(
        id: String, contextId: String, status: TaskStatus, artifacts: [Artifact] = [], history: [Message] = [],
        metadata: JSONObject? = nil
    ) {
        self.id = id
        self.contextId = contextId
        self.status = status
        self.artifacts = artifacts
        self.history = history
        self.metadata = metadata
    }
}

extension A2ATask: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        id = try fields.require(String.self, "id")
        contextId = try fields.require(String.self, "contextId")
        status = try fields.require(TaskStatus.self, "status")
        artifacts = try fields.list(Artifact.self, "artifacts")
        history = try fields.list(Message.self, "history")
        metadata = try fields.object("metadata")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(id, "id")
        try fields.encode(contextId, "contextId")
        try fields.encode(status, "status")
        try fields.list(artifacts, "artifacts")
        try fields.list(history, "history")
        try fields.encodeIfPresent(metadata, "metadata")
    }
}
