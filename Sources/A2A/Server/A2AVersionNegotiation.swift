import Foundation

/// `A2A-Version` negotiation (spec §3.6): the client names the Major.Minor it speaks; an empty
/// value means 0.3. This agent speaks 1.x.
public enum A2AVersionNegotiation {
    /// The version this agent implements.
    public static let current = "1.0"

    /// Checks the version a request asked for (header first, then the `A2A-Version` query parameter).
    public static func check(_ request: A2AHTTPRequest) throws(A2AError) {
        let header = request.header("A2A-Version")
        let query = request.query.first { $0.name.equalsIgnoringASCIICase("A2A-Version") }?.value
        let requested = (header ?? query ?? "").trimmingCharacters(in: .whitespaces)
        let version = requested.isEmpty ? "0.3" : requested
        let major = version.split(separator: ".", maxSplits: 1).first.map(String.init) ?? version
        guard major == "1" else {
            throw A2AError.versionNotSupported(
                "A2A version '\(version)' is not supported by this agent. Expected version '\(current)'.")
        }
    }
}
