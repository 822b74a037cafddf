/// Params of `CancelTask`.
public struct CancelTaskRequest: Sendable, Hashable {
    public var tenant: String?
    public var id: String
    public var metadata: JSONObject?

    public init(tenant: String? = nil, id: String, metadata: JSONObject? = nil) {
        self.tenant = tenant
        self.id = id
        self.metadata = metadata
    }
}

extension CancelTaskRequest: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        tenant = try fields.string("tenant")
        id = try fields.require(String.self, "id")
        metadata = try fields.object("metadata")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(tenant, "tenant")
        try fields.encode(id, "id")
        try fields.encodeIfPresent(metadata, "metadata")
    }
}
