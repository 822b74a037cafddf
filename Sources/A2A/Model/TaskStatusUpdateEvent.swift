/// A streamed change of a task's status.
public struct TaskStatusUpdateEvent: Sendable, Hashable {
    public var taskId: String
    public var contextId: String
    public var status: TaskStatus
    public var metadata: JSONObject?

    public init(taskId: String, contextId: String, status: TaskStatus, metadata: JSONObject? = nil) {
        self.taskId = taskId
        self.contextId = contextId
        self.status = status
        self.metadata = metadata
    }
}

extension TaskStatusUpdateEvent: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        taskId = try fields.require(String.self, "taskId")
        contextId = try fields.require(String.self, "contextId")
        status = try fields.require(TaskStatus.self, "status")
        metadata = try fields.object("metadata")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(taskId, "taskId")
        try fields.encode(contextId, "contextId")
        try fields.encode(status, "status")
        try fields.encodeIfPresent(metadata, "metadata")
    }
}
