import Foundation

/// Params of `ListTasks`.
public struct ListTasksRequest: Sendable, Hashable {
    public var tenant: String?
    public var contextId: String?
    /// Only tasks in this state.
    public var status: TaskState?
    /// 1…100; `nil` = 50.
    public var pageSize: Int?
    public var pageToken: String?
    public var historyLength: Int?
    /// Only tasks whose status timestamp is at or after this instant.
    public var statusTimestampAfter: Date?
    /// Include artifacts (default false: the `artifacts` key is omitted).
    public var includeArtifacts: Bool?

    public init(
        tenant: String? = nil, contextId: String? = nil, status: TaskState? = nil, pageSize: Int? = nil,
        pageToken: String? = nil, historyLength: Int? = nil, statusTimestampAfter: Date? = nil,
        includeArtifacts: Bool? = nil
    ) {
        self.tenant = tenant
        self.contextId = contextId
        self.status = status
        self.pageSize = pageSize
        self.pageToken = pageToken
        self.historyLength = historyLength
        self.statusTimestampAfter = statusTimestampAfter
        self.includeArtifacts = includeArtifacts
    }
}

extension ListTasksRequest: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        tenant = try fields.string("tenant")
        contextId = try fields.string("contextId")
        status = try fields.decode(TaskState.self, "status")
        pageSize = try fields.int32("pageSize")
        pageToken = try fields.string("pageToken")
        historyLength = try fields.int32("historyLength")
        statusTimestampAfter = try fields.timestamp("statusTimestampAfter")
        includeArtifacts = try fields.decode(Bool.self, "includeArtifacts")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.string(tenant, "tenant")
        try fields.string(contextId, "contextId")
        try fields.encodeIfPresent(status, "status")
        try fields.encodeIfPresent(pageSize, "pageSize")
        try fields.string(pageToken, "pageToken")
        try fields.encodeIfPresent(historyLength, "historyLength")
        try fields.timestamp(statusTimestampAfter, "statusTimestampAfter")
        try fields.encodeIfPresent(includeArtifacts, "includeArtifacts")
    }
}
