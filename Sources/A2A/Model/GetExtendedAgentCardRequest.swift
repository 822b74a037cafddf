/// Params of `GetExtendedAgentCard` (JSON-RPC callers may omit `params` entirely).
public struct GetExtendedAgentCardRequest: Sendable, Hashable {
    public var tenant: String?

    public init(tenant: String? = nil) {
        self.tenant = tenant
    }
}

extension GetExtendedAgentCardRequest: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        tenant = try fields.string("tenant")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(tenant, "tenant")
    }
}
