/// One event of a stream (SSE `data:`), or one push-notification body: a one-key object
/// `{"task"|"message"|"statusUpdate"|"artifactUpdate": …}`.
public enum StreamResponse: Sendable, Hashable {
    case task(A2ATask)
    case message(Message)
    case statusUpdate(TaskStatusUpdateEvent)
    case artifactUpdate(TaskArtifactUpdateEvent)
}

extension StreamResponse: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        switch try fields.oneof(["task", "message", "statusUpdate", "artifactUpdate"]) {
        case "task": self = .task(try fields.require(A2ATask.self, "task"))
        case "message": self = .message(try fields.require(Message.self, "message"))
        case "statusUpdate": self = .statusUpdate(try fields.require(TaskStatusUpdateEvent.self, "statusUpdate"))
        default: self = .artifactUpdate(try fields.require(TaskArtifactUpdateEvent.self, "artifactUpdate"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        switch self {
        case .task(let task): try fields.encode(task, "task")
        case .message(let message): try fields.encode(message, "message")
        case .statusUpdate(let event): try fields.encode(event, "statusUpdate")
        case .artifactUpdate(let event): try fields.encode(event, "artifactUpdate")
        }
    }
}
