/// Why a Workload API endpoint address was refused.
public enum WorkloadAPIEndpointError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The address is empty (`SPIFFE_ENDPOINT_SOCKET` unset).
    case notConfigured
    /// The address has no `scheme:` prefix.
    case missingScheme(String)
    /// `tcp://` endpoints exist in the standard but are not supported (no peer attestation over TCP here).
    case tcpUnsupported(String)
    /// A scheme other than `unix`.
    case unsupportedScheme(String)
    /// `unix://host/...` or `unix://user@/...`: the authority must be empty.
    case authorityNotAllowed(String)
    /// The socket path is not absolute.
    case relativePath(String)
    /// A `?query` is not allowed.
    case queryNotAllowed(String)
    /// A `#fragment` is not allowed.
    case fragmentNotAllowed(String)
    /// `%` escapes are not decoded; give the path literally.
    case percentEncodingNotSupported(String)

    private static let expected = "expected unix:///absolute/path or unix:/absolute/path"

    public var description: String {
        switch self {
        case .notConfigured:
            "workload endpoint socket address is not configured (set \(WorkloadAPIEndpoint.environmentVariable))"
        case .missingScheme(let address): "workload endpoint \"\(address)\" has no scheme; \(Self.expected)"
        case .tcpUnsupported(let address):
            "workload endpoint \"\(address)\": TCP endpoints are not supported; \(Self.expected)"
        case .unsupportedScheme(let address):
            "workload endpoint \"\(address)\" has an unsupported scheme; \(Self.expected)"
        case .authorityNotAllowed(let address):
            "workload endpoint \"\(address)\" names a host or user; \(Self.expected)"
        case .relativePath(let address): "workload endpoint \"\(address)\" has no absolute path; \(Self.expected)"
        case .queryNotAllowed(let address): "workload endpoint \"\(address)\" must not have a query"
        case .fragmentNotAllowed(let address): "workload endpoint \"\(address)\" must not have a fragment"
        case .percentEncodingNotSupported(let address):
            "workload endpoint \"\(address)\" contains a percent-escape; give the socket path literally"
        }
    }
}
