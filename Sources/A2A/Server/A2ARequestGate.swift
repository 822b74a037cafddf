/// Decides, after the transport proved who is calling and before any handler code runs, whether
/// a request may proceed. A refusal is an `A2AError` (typically `permissionDenied`) returned to
/// the caller as is: no task is created, nothing is executed.
public protocol A2ARequestGate: Sendable {
    func admit(_ request: A2AGateRequest, context: A2ACallContext) async throws(A2AError)
}

/// What the gate knows about a request.
public struct A2AGateRequest: Sendable, Hashable {
    public var method: A2AMethod
    public var taskID: String?
    public var contextID: String?
    /// The skill asked for: the message's (or request's) metadata `"skill"` string, if any.
    public var skill: String?

    public init(method: A2AMethod, taskID: String? = nil, contextID: String? = nil, skill: String? = nil) {
        self.method = method
        self.taskID = taskID
        self.contextID = contextID
        self.skill = skill
    }
}
