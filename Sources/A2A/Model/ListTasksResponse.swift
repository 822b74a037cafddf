/// Result of `ListTasks`: one page of tasks, most recently updated first.
public struct ListTasksResponse: Sendable, Hashable {
    public var tasks: [A2ATask]
    /// The cursor of the next page; `""` on the last page (always emitted).
    public var nextPageToken: String
    public var pageSize: Int
    /// The number of tasks matching the filter, over all pages.
    public var totalSize: Int

    public init(tasks: [A2ATask], nextPageToken: String = "", pageSize: Int, totalSize: Int) {
        self.tasks = tasks
        self.nextPageToken = nextPageToken
        self.pageSize = pageSize
        self.totalSize = totalSize
    }
}

extension ListTasksResponse: Codable {
    /// Absent fields read as their defaults (`[]`, `""`, `0`): a plain ProtoJSON writer omits them.
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        tasks = try fields.list(A2ATask.self, "tasks")
        nextPageToken = try fields.decode(String.self, "nextPageToken") ?? ""
        pageSize = try fields.int32("pageSize") ?? 0
        totalSize = try fields.int32("totalSize") ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(tasks, "tasks")
        try fields.encode(nextPageToken, "nextPageToken")
        try fields.encode(pageSize, "pageSize")
        try fields.encode(totalSize, "totalSize")
    }
}
