/// Options of a `SendMessage` / `SendStreamingMessage` call.
public struct SendMessageConfiguration: Sendable, Hashable {
    /// Media types the client accepts in responses.
    public var acceptedOutputModes: [String]
    /// A webhook registered for the task this message creates.
    public var taskPushNotificationConfig: TaskPushNotificationConfig?
    /// At most this many recent messages in the returned task's history; `nil` = server default.
    public var historyLength: Int?
    /// Return right after the task is created instead of waiting for a terminal or interrupted state.
    public var returnImmediately: Bool

    public init(
        acceptedOutputModes: [String] = [], taskPushNotificationConfig: TaskPushNotificationConfig? = nil,
        historyLength: Int? = nil, returnImmediately: Bool = false
    ) {
        self.acceptedOutputModes = acceptedOutputModes
        self.taskPushNotificationConfig = taskPushNotificationConfig
        self.historyLength = historyLength
        self.returnImmediately = returnImmediately
    }
}

extension SendMessageConfiguration: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        acceptedOutputModes = try fields.list(String.self, "acceptedOutputModes")
        taskPushNotificationConfig = try fields.decode(TaskPushNotificationConfig.self, "taskPushNotificationConfig")
        historyLength = try fields.int32("historyLength")
        returnImmediately = try fields.flag("returnImmediately")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.list(acceptedOutputModes, "acceptedOutputModes")
        try fields.encodeIfPresent(taskPushNotificationConfig, "taskPushNotificationConfig")
        try fields.encodeIfPresent(historyLength, "historyLength")
        try fields.flag(returnImmediately, "returnImmediately")
    }
}
