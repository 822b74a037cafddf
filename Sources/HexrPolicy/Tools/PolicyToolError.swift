/// Why a `hexr policy` tool (eval, test, replay) could not do its work.
public enum PolicyToolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input document is not valid JSON (detail).
    case invalidInput(String)
    /// Evaluating the query (first) failed at run time (detail), e.g. conflicting rule values.
    case evaluationFailed(String, String)
    /// The policy directory (path) defines no `test_*` rule.
    case noTests(String)
    /// The decision log (path) could not be read (detail).
    case unreadableLog(String, String)

    public var description: String {
        switch self {
        case .invalidInput(let detail): "the input is not valid JSON: \(detail)"
        case .evaluationFailed(let query, let detail): "evaluating \(query) failed: \(detail)"
        case .noTests(let path): "no test_* rules in the policies of \(path)"
        case .unreadableLog(let path, let detail): "cannot read the decision log \(path): \(detail)"
        }
    }
}
