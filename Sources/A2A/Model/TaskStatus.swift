import Foundation

/// A task's state, with an optional status message and the time it was set.
public struct TaskStatus: Sendable, Hashable {
    public var state: TaskState
    public var message: Message?
    public var timestamp: Date?

    public init(state: TaskState, message: Message? = nil, timestamp: Date? = nil) {
        self.state = state
        self.message = message
        self.timestamp = timestamp
    }
}

extension TaskStatus: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        state = try fields.require(TaskState.self, "state")
        message = try fields.decode(Message.self, "message")
        timestamp = try fields.timestamp("timestamp")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(state, "state")
        try fields.encodeIfPresent(message, "message")
        try fields.timestamp(timestamp, "timestamp")
    }
}
