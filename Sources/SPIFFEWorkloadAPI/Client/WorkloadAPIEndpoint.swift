import Foundation

/// Where the Workload API listens: a unix socket, given as `unix:///abs/path` or `unix:/abs/path` (the forms of
/// `SPIFFE_ENDPOINT_SOCKET` that go-spiffe and py-spiffe accept for unix sockets).
public struct WorkloadAPIEndpoint: Hashable, Sendable, CustomStringConvertible {
    /// The standard environment variable holding the endpoint address.
    public static let environmentVariable = "SPIFFE_ENDPOINT_SOCKET"

    /// The absolute path of the socket.
    public let socketPath: String

    /// Parses `unix:///abs/path` or `unix:/abs/path`. Refuses other schemes (TCP included), a host or
    /// userinfo, relative paths, queries, fragments and percent-escapes.
    public init(parsing address: String) throws(WorkloadAPIEndpointError) {
        guard !address.isEmpty else { throw .notConfigured }
        guard let colon = address.firstIndex(of: ":") else { throw .missingScheme(address) }
        let scheme = address[..<colon].lowercased()
        guard scheme == "unix" else {
            throw scheme == "tcp" ? .tcpUnsupported(address) : .unsupportedScheme(address)
        }
        var path = address[address.index(after: colon)...]
        if path.hasPrefix("//") {
            path = path.dropFirst(2)
            let authority = path.prefix { $0 != "/" }
            guard authority.isEmpty else { throw .authorityNotAllowed(address) }
        }
        guard path.hasPrefix("/") else { throw .relativePath(address) }
        if path.contains("?") { throw .queryNotAllowed(address) }
        if path.contains("#") { throw .fragmentNotAllowed(address) }
        if path.contains("%") { throw .percentEncodingNotSupported(address) }
        self.socketPath = String(path)
    }

    /// The endpoint of an absolute socket path.
    public init(socketPath: String) throws(WorkloadAPIEndpointError) {
        try self.init(parsing: "unix://" + socketPath)
    }

    /// The endpoint named by `SPIFFE_ENDPOINT_SOCKET` in `environment`.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(WorkloadAPIEndpointError) -> WorkloadAPIEndpoint {
        try WorkloadAPIEndpoint(parsing: environment[environmentVariable] ?? "")
    }

    /// The `unix:///abs/path` form.
    public var description: String { "unix://" + socketPath }
}
