/// Why a call made with `A2AClient` failed.
public enum A2AClientError: Error, Sendable, CustomStringConvertible {
    /// The agent answered with an A2A error (JSON-RPC error or `google.rpc.Status`).
    case remote(A2AError)
    /// The agent's answer could not be understood.
    case invalidResponse(String)
    /// The agent answered with an HTTP status that carries no A2A error.
    case httpStatus(Int, String)
    /// The card offers no interface this client can use.
    case noUsableInterface(String)

    public var description: String {
        switch self {
        case .remote(let error): "the agent answered with an error: \(error)"
        case .invalidResponse(let detail): "invalid response from the agent: \(detail)"
        case .httpStatus(let status, let body): "the agent answered HTTP \(status): \(body)"
        case .noUsableInterface(let detail): "no usable interface: \(detail)"
        }
    }

    /// The A2A error the agent sent, if this is one.
    public var remoteError: A2AError? {
        if case .remote(let error) = self { return error }
        return nil
    }
}
