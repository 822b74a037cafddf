/// A webhook for a task's updates. Also the params of `CreateTaskPushNotificationConfig`.
public struct TaskPushNotificationConfig: Sendable, Hashable {
    public var tenant: String?
    /// The config id; the server assigns one when absent.
    public var id: String?
    /// Empty when the config is given inline in `SendMessageConfiguration`.
    public var taskId: String?
    /// The webhook URL.
    public var url: String
    /// An opaque token echoed to the webhook.
    public var token: String?
    public var authentication: AuthenticationInfo?

    public init(
        tenant: String? = nil, id: String? = nil, taskId: String? = nil, url: String, token: String? = nil,
        authentication: AuthenticationInfo? = nil
    ) {
        self.tenant = tenant
        self.id = id
        self.taskId = taskId
        self.url = url
        self.token = token
        self.authentication = authentication
    }
}

extension TaskPushNotificationConfig: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        tenant = try fields.string("tenant")
        id = try fields.string("id")
        taskId = try fields.string("taskId")
        url = try fields.require(String.self, "url")
        token = try fields.string("token")
        authentication = try fields.decode(AuthenticationInfo.self, "authentication")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(tenant, "tenant")
        try fields.string(id, "id")
        try fields.string(taskId, "taskId")
        try fields.encode(url, "url")
        try fields.string(token, "token")
        try fields.encodeIfPresent(authentication, "authentication")
    }
}
