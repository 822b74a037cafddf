/// Params of `GetTask`.
public struct GetTaskRequest: Sendable, Hashable {
    public var tenant: String?
    public var id: String
    /// At most this many recent messages of history; `0` = none; `nil` = server default.
    public var historyLength: Int?

    public init(tenant: String? = nil, id: String, historyLength: Int? = nil) {
        self.tenant = tenant
        self.id = id
        self.historyLength = historyLength
    }
}

extension GetTaskRequest: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        tenant = try fields.string("tenant")
        id = try fields.require(String.self, "id")
        historyLength = try fields.int32("historyLength")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(tenant, "tenant")
        try fields.encode(id, "id")
        try fields.encodeIfPresent(historyLength, "historyLength")
    }
}
