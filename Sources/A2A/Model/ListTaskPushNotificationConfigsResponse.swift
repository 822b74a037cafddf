/// Result of `ListTaskPushNotificationConfigs`.
public struct ListTaskPushNotificationConfigsResponse: Sendable, Hashable {
    public var configs: [TaskPushNotificationConfig]
    /// The cursor of the next page; `""` (omitted on the wire) on the last page.
    public var nextPageToken: String

    public init(configs: [TaskPushNotificationConfig], nextPageToken: String = "") {
        self.configs = configs
        self.nextPageToken = nextPageToken
    }
}

extension ListTaskPushNotificationConfigsResponse: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        configs = try fields.list(TaskPushNotificationConfig.self, "configs")
        nextPageToken = try fields.string("nextPageToken") ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.list(configs, "configs")
        try fields.string(nextPageToken, "nextPageToken")
    }
}
