/// Why a completion failed. Descriptions are whole sentences and never contain an API key.
public enum LLMError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The provider name is none of `known`.
    case unknownProvider(String, known: [String])
    /// An environment variable holds a value that cannot be used (e.g. a base URL that is not http(s)).
    case invalidConfiguration(variable: String, detail: String)
    /// The request cannot be sent as it is (e.g. `maxTokens` below 1); nothing was sent.
    case invalidRequest(provider: String, detail: String)
    /// The provider refused the credentials (HTTP 401 or 403); `message` names the variable to check.
    /// Not retried.
    case authenticationFailed(provider: String, status: Int, message: String)
    /// The provider refused the request with another 4xx status (or one not worth retrying). Not retried.
    case rejected(provider: String, status: Int, message: String)
    /// Every attempt met an overloaded or failing provider (429, 5xx) or no connection;
    /// `lastStatus` is nil when the last attempt got no HTTP answer.
    case unavailable(provider: String, attempts: Int, lastStatus: Int?, message: String)
    /// The last of `attempts` attempts got no complete answer within `timeout`.
    case timedOut(provider: String, attempts: Int, timeout: Duration)
    /// The provider answered with success but its body could not be read as a completion.
    case invalidResponse(provider: String, detail: String)
    /// The calling task was cancelled before an answer arrived.
    case cancelled(provider: String)

    public var description: String {
        switch self {
        case .unknownProvider(let name, let known):
            "Unknown LLM provider \"\(name)\"; the known providers are \(known.joined(separator: ", "))."
        case .invalidConfiguration(let variable, let detail):
            "The environment variable \(variable) is unusable: \(detail)."
        case .invalidRequest(let provider, let detail):
            "The request for \(provider) is invalid and was not sent: \(detail)."
        case .authenticationFailed(let provider, let status, let message):
            "\(provider) refused the credentials (HTTP \(status)): \(message)"
        case .rejected(let provider, let status, let message):
            "\(provider) rejected the request (HTTP \(status)): \(message)"
        case .unavailable(let provider, let attempts, let lastStatus, let message):
            "\(provider) was unavailable after \(attempts) attempt\(attempts == 1 ? "" : "s") "
                + "(last: \(lastStatus.map { "HTTP \($0)" } ?? "no HTTP answer")): \(message)"
        case .timedOut(let provider, let attempts, let timeout):
            "The request to \(provider) timed out: no answer within \(timeout) "
                + "on \(attempts) attempt\(attempts == 1 ? "" : "s")."
        case .invalidResponse(let provider, let detail):
            "\(provider) sent an answer that could not be read: \(detail)."
        case .cancelled(let provider):
            "The request to \(provider) was cancelled."
        }
    }

    /// A low-cardinality name for the `error.type` span attribute.
    var errorType: String {
        switch self {
        case .unknownProvider: "unknown_provider"
        case .invalidConfiguration: "invalid_configuration"
        case .invalidRequest: "invalid_request"
        case .authenticationFailed: "authentication_failed"
        case .rejected: "rejected"
        case .unavailable: "unavailable"
        case .timedOut: "timeout"
        case .invalidResponse: "invalid_response"
        case .cancelled: "cancelled"
        }
    }
}
