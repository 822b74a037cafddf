/// The code of an agent: what it does with a task.
///
/// The engine calls `handle(_:)` once for every message that starts a task, and again for every
/// follow-up message to a task that asked for input. The handler reports progress through the
/// context (status, artifacts, messages) and ends the run by completing, failing, rejecting or
/// asking for input. A handler that returns without doing so completes the task; one that throws
/// fails it with the error's description; one that is cancelled (`CancelTask`) leaves the task
/// canceled.
public protocol AgentHandler: Sendable {
    func handle(_ task: TaskContext) async throws
}

/// An `AgentHandler` made from a closure.
public struct ClosureAgentHandler: AgentHandler {
    private let body: @Sendable (TaskContext) async throws -> Void

    public init(_ body: @escaping @Sendable (TaskContext) async throws -> Void) {
        self.body = body
    }

    public func handle(_ task: TaskContext) async throws {
        try await body(task)
    }
}
