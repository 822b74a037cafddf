/// Params of `SubscribeToTask`.
public struct SubscribeToTaskRequest: Sendable, Hashable {
    public var tenant: String?
    public var id: String

    public init(tenant: String? = nil, id: String) {
        self.tenant = tenant
        self.id = id
    }
}

extension SubscribeToTaskRequest: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        tenant = try fields.string("tenant")
        id = try fields.require(String.self, "id")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(tenant, "tenant")
        try fields.encode(id, "id")
    }
}
