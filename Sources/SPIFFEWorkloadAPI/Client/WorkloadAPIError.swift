import GRPCCore

/// Why a Workload API call failed.
public enum WorkloadAPIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The server refused the request as malformed (e.g. no security header); retrying will not help.
    case invalidArgument(String)
    /// The server has no identity for this process (SPIRE: "no identity issued"); retry with backoff.
    case permissionDenied(String)
    /// The server is unreachable, not ready or stopping; retry with backoff.
    case unavailable(String)
    /// The server does not implement the RPC; retrying will not help.
    case unimplemented(String)
    /// Any other gRPC status.
    case status(code: String, message: String)
    /// The server's answer does not parse (bad certificate, key, bundle or SPIFFE ID).
    case invalidResponse(String)
    /// The server's answer is empty where the standard requires content.
    case emptyResponse(String)
    /// The server ended a stream without an error status.
    case streamEnded
    /// The call was cancelled by this process.
    case cancelled
    /// A client setting is out of range.
    case invalidConfiguration(String)

    /// Whether a watcher should try again (everything but InvalidArgument, Unimplemented, cancellation and
    /// bad configuration, as go-spiffe and the endpoint standard's Appendix A say).
    public var isRetryable: Bool {
        switch self {
        case .invalidArgument, .unimplemented, .cancelled, .invalidConfiguration: false
        case .permissionDenied, .unavailable, .status, .invalidResponse, .emptyResponse, .streamEnded: true
        }
    }

    /// The error for anything a gRPC call threw.
    init(_ error: any Error) {
        switch error {
        case let error as WorkloadAPIError:
            self = error
        case is CancellationError:
            self = .cancelled
        case let error as RPCError:
            switch error.code {
            case .invalidArgument: self = .invalidArgument(error.message)
            case .permissionDenied: self = .permissionDenied(error.message)
            case .unavailable: self = .unavailable(error.message)
            case .unimplemented: self = .unimplemented(error.message)
            case .cancelled: self = .cancelled
            default: self = .status(code: String(describing: error.code), message: error.message)
            }
        default:
            self = .unavailable(String(describing: error))
        }
    }

    public var description: String {
        switch self {
        case .invalidArgument(let message): "Workload API refused the request (InvalidArgument): \(message)"
        case .permissionDenied(let message): "Workload API denied an identity (PermissionDenied): \(message)"
        case .unavailable(let message): "Workload API unavailable: \(message)"
        case .unimplemented(let message): "Workload API does not implement the call: \(message)"
        case .status(let code, let message): "Workload API call failed (\(code)): \(message)"
        case .invalidResponse(let reason): "Workload API response is invalid: \(reason)"
        case .emptyResponse(let reason): "Workload API response is empty: \(reason)"
        case .streamEnded: "Workload API stream ended"
        case .cancelled: "Workload API call was cancelled"
        case .invalidConfiguration(let reason): "invalid Workload API client configuration: \(reason)"
        }
    }
}
