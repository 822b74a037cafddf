/// Params of `DeleteTaskPushNotificationConfig`.
public struct DeleteTaskPushNotificationConfigRequest: Sendable, Hashable {
    public var tenant: String?
    public var taskId: String
    /// The config id.
    public var id: String

    public init(tenant: String? = nil, taskId: String, id: String) {
        self.tenant = tenant
        self.taskId = taskId
        self.id = id
    }
}

extension DeleteTaskPushNotificationConfigRequest: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        tenant = try fields.string("tenant")
        taskId = try fields.require(String.self, "taskId")
        id = try fields.require(String.self, "id")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(tenant, "tenant")
        try fields.encode(taskId, "taskId")
        try fields.encode(id, "id")
    }
}
