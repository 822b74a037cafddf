/// The A2A v1.0 JSON-RPC method names.
public enum A2AMethod: String, CaseIterable, Sendable, Hashable {
    case sendMessage = "SendMessage"
    case sendStreamingMessage = "SendStreamingMessage"
    case getTask = "GetTask"
    case listTasks = "ListTasks"
    case cancelTask = "CancelTask"
    case subscribeToTask = "SubscribeToTask"
    case createTaskPushNotificationConfig = "CreateTaskPushNotificationConfig"
    case getTaskPushNotificationConfig = "GetTaskPushNotificationConfig"
    case listTaskPushNotificationConfigs = "ListTaskPushNotificationConfigs"
    case deleteTaskPushNotificationConfig = "DeleteTaskPushNotificationConfig"
    case getExtendedAgentCard = "GetExtendedAgentCard"

    /// Whether the method answers with an SSE stream of `StreamResponse`s.
    public var isStreaming: Bool {
        self == .sendStreamingMessage || self == .subscribeToTask
    }
}
