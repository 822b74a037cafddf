/// Where an agent server exposes its interfaces.
public struct A2AServerPaths: Sendable {
    /// The JSON-RPC interface URL path (POST).
    public var jsonRPC: String
    /// The base path of the HTTP+JSON interface.
    public var rest: String

    public init(jsonRPC: String = "/a2a/jsonrpc", rest: String = "/a2a/rest") {
        self.jsonRPC = jsonRPC
        self.rest = rest
    }

    /// The path of the Agent Card.
    public static let agentCard = "/.well-known/agent-card.json"
}
