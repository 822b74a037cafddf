/// Why an ``X509Source`` has no SVID to give.
public enum X509SourceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No SVID has arrived yet (or the server withdrew it with PermissionDenied); the last error, if any.
    case notReady(lastError: WorkloadAPIError?)
    /// ``X509Source/waitUntilReady(timeout:)`` gave up; the last error, if any.
    case timedOut(lastError: WorkloadAPIError?)
    /// The server refused in a way retrying cannot fix (InvalidArgument, Unimplemented).
    case failed(WorkloadAPIError)
    /// ``X509Source/run()`` has returned.
    case stopped
    /// The waiting task was cancelled.
    case cancelled

    public var description: String {
        switch self {
        case .notReady(let error): "no X.509-SVID from the Workload API yet" + Self.suffix(error)
        case .timedOut(let error): "timed out waiting for the first X.509-SVID" + Self.suffix(error)
        case .failed(let error): "X.509 source failed: \(error)"
        case .stopped: "X.509 source is stopped"
        case .cancelled: "waiting for the X.509 source was cancelled"
        }
    }

    private static func suffix(_ error: WorkloadAPIError?) -> String {
        error.map { " (last error: \($0))" } ?? ""
    }
}
