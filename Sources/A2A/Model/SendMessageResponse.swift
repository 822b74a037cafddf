/// The result of `SendMessage`: `{"task": …}` or `{"message": …}`.
public enum SendMessageResponse: Sendable, Hashable {
    case task(A2ATask)
    case message(Message)
}

extension SendMessageResponse: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        switch try fields.oneof(["task", "message"]) {
        case "task": self = .task(try fields.require(A2ATask.self, "task"))
        default: self = .message(try fields.require(Message.self, "message"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        switch self {
        case .task(let task): try fields.encode(task, "task")
        case .message(let message): try fields.encode(message, "message")
        }
    }
}
