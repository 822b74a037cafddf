/// Params of `ListTaskPushNotificationConfigs`.
public struct ListTaskPushNotificationConfigsRequest: Sendable, Hashable {
    public var tenant: String?
    public var taskId: String
    public var pageSize: Int?
    public var pageToken: String?

    public init(tenant: String? = nil, taskId: String, pageSize: Int? = nil, pageToken: String? = nil) {
        self.tenant = tenant
        self.taskId = taskId
        self.pageSize = pageSize
        self.pageToken = pageToken
    }
}

extension ListTaskPushNotificationConfigsRequest: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        tenant = try fields.string("tenant")
        taskId = try fields.require(String.self, "taskId")
        pageSize = try fields.int32("pageSize")
        pageToken = try fields.string("pageToken")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(tenant, "tenant")
        try fields.encode(taskId, "taskId")
        try fields.encodeIfPresent(pageSize, "pageSize")
        try fields.string(pageToken, "pageToken")
    }
}
