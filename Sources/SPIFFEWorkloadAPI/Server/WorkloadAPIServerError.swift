/// Why the Workload API server could not start.
public enum WorkloadAPIServerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `chmod` of the bound socket failed with the given errno.
    case socketPermissions(String, Int32)

    public var description: String {
        switch self {
        case .socketPermissions(let path, let code): "cannot set permissions of \(path): errno \(code)"
        }
    }
}
