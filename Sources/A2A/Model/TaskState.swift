/// The lifecycle state of a task (`lf.a2a.v1.TaskState`), encoded as its proto name.
public enum TaskState: String, Sendable, CaseIterable, Hashable {
    case unspecified = "TASK_STATE_UNSPECIFIED"
    case submitted = "TASK_STATE_SUBMITTED"
    case working = "TASK_STATE_WORKING"
    case completed = "TASK_STATE_COMPLETED"
    case failed = "TASK_STATE_FAILED"
    case canceled = "TASK_STATE_CANCELED"
    case inputRequired = "TASK_STATE_INPUT_REQUIRED"
    case rejected = "TASK_STATE_REJECTED"
    case authRequired = "TASK_STATE_AUTH_REQUIRED"

    /// Completed, failed, canceled or rejected: the task takes no further updates.
    public var isTerminal: Bool {
        switch self {
        case .completed, .failed, .canceled, .rejected: true
        default: false
        }
    }

    /// Input required or auth required: the task waits for the client.
    public var isInterrupted: Bool {
        self == .inputRequired || self == .authRequired
    }
}

extension TaskState: Codable {
    public init(from decoder: any Decoder) throws {
        self = try ProtoEnumCoding.decode(TaskState.self, named: "TaskState", from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try ProtoEnumCoding.encode(self, to: encoder)
    }
}
