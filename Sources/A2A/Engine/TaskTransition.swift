/// The A2A task state machine.
///
/// A task starts `submitted`. While it is not terminal it may move to `working`, to an interrupted
/// state (`inputRequired`, `authRequired`) and back to `working`, or to a terminal state
/// (`completed`, `failed`, `canceled`, `rejected`). A terminal task never changes again, and no task
/// ever moves to `unspecified` or back to `submitted`.
public enum TaskTransition {
    /// Whether a task in state `from` may move to state `to`.
    public static func isAllowed(from: TaskState, to: TaskState) -> Bool {
        if from.isTerminal { return false }
        switch to {
        case .unspecified, .submitted: return false
        default: return true
        }
    }

    /// Throws `invalidAgentResponse` naming both states when the move is illegal.
    public static func check(taskID: String, from: TaskState, to: TaskState) throws(A2AError) {
        guard isAllowed(from: from, to: to) else {
            throw A2AError.invalidAgentResponse(
                "illegal task state transition \(from.rawValue) → \(to.rawValue) for task \(taskID)")
        }
    }
}
