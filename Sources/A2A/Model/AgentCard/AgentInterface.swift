/// One endpoint of an agent: where and how (binding, protocol version) to reach it.
public struct AgentInterface: Sendable, Hashable {
    /// The standard `protocolBinding` values.
    public enum Binding {
        /// JSON-RPC 2.0 over HTTP.
        public static let jsonRPC = "JSONRPC"
        /// HTTP+JSON (REST).
        public static let httpJSON = "HTTP+JSON"
        /// gRPC.
        public static let grpc = "GRPC"
    }

    public var url: String
    /// One of `Binding`, or a URI naming a custom binding.
    public var protocolBinding: String
    /// Copied by clients into every request sent to this interface.
    public var tenant: String?
    /// `Major.Minor`, e.g. `"1.0"`.
    public var protocolVersion: String

    public init(url: String, protocolBinding: String, tenant: String? = nil, protocolVersion: String = "1.0") {
        self.url = url
        self.protocolBinding = protocolBinding
        self.tenant = tenant
        self.protocolVersion = protocolVersion
    }
}

extension AgentInterface: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        url = try fields.require(String.self, "url")
        protocolBinding = try fields.require(String.self, "protocolBinding")
        tenant = try fields.string("tenant")
        protocolVersion = try fields.require(String.self, "protocolVersion")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(url, "url")
        try fields.encode(protocolBinding, "protocolBinding")
        try fields.string(tenant, "tenant")
        try fields.encode(protocolVersion, "protocolVersion")
    }
}
