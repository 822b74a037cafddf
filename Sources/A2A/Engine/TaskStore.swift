import Foundation

/// Where an agent keeps its tasks and their push-notification configs.
///
/// Every record is scoped by `tenant` (the A2A `tenant` of the request that created it, `""` when none):
/// a task is only visible to requests of the same tenant. Implementations must be safe to call
/// concurrently; the engine serialises writes per task, never across tasks.
public protocol TaskStore: Sendable {
    /// Inserts or replaces the task `record.task.id` in `record.tenant`.
    func save(_ record: TaskRecord) async throws
    /// The task with this id in this tenant, or `nil`.
    func task(id: String, tenant: String) async throws -> TaskRecord?
    /// One page of the tenant's tasks matching `query`, newest status first.
    func tasks(matching query: TaskQuery) async throws -> TaskPage

    /// Inserts or replaces a push-notification config (keyed by tenant, task id and config id).
    func savePushConfig(_ config: TaskPushNotificationConfig, tenant: String) async throws
    /// The config `id` of task `taskID`, or `nil`.
    func pushConfig(taskID: String, id: String, tenant: String) async throws -> TaskPushNotificationConfig?
    /// All configs of task `taskID`, ordered by config id.
    func pushConfigs(taskID: String, tenant: String) async throws -> [TaskPushNotificationConfig]
    /// Removes a config; returns whether it existed.
    @discardableResult
    func deletePushConfig(taskID: String, id: String, tenant: String) async throws -> Bool
}

/// A stored task and the facts about it that are not part of the A2A `Task` object.
public struct TaskRecord: Sendable, Equatable {
    /// The A2A task, with its full history and all artifacts.
    public var task: A2ATask
    /// The tenant the task belongs to (`""` when the request named none).
    public var tenant: String
    /// The authenticated caller that created the task (e.g. its SPIFFE ID), if known.
    public var owner: String?

    public init(task: A2ATask, tenant: String, owner: String?) {
        self.task = task
        self.tenant = tenant
        self.owner = owner
    }
}

/// Filters and paging for `TaskStore.tasks(matching:)`.
public struct TaskQuery: Sendable, Equatable {
    public var tenant: String
    /// Only tasks created by this owner; `nil` = any owner.
    public var owner: String?
    public var contextID: String?
    public var state: TaskState?
    /// Only tasks whose status timestamp is at or after this instant.
    public var statusTimestampAfter: Date?
    /// Page size, already validated by the caller (1…100).
    public var pageSize: Int
    /// The cursor returned as `nextPageToken` by the previous page; `nil` for the first page.
    public var cursor: TaskCursor?

    public init(
        tenant: String, owner: String? = nil, contextID: String? = nil, state: TaskState? = nil,
        statusTimestampAfter: Date? = nil, pageSize: Int = 50, cursor: TaskCursor? = nil
    ) {
        self.tenant = tenant
        self.owner = owner
        self.contextID = contextID
        self.state = state
        self.statusTimestampAfter = statusTimestampAfter
        self.pageSize = pageSize
        self.cursor = cursor
    }

    /// Whether `record` passes every filter of this query (the cursor excluded).
    public func matches(_ record: TaskRecord) -> Bool {
        guard record.tenant == tenant else { return false }
        if let owner, record.owner != owner { return false }
        if let contextID, record.task.contextId != contextID { return false }
        if let state, record.task.status.state != state { return false }
        if let after = statusTimestampAfter, (record.task.status.timestamp ?? .distantPast) < after {
            return false
        }
        return true
    }
}

/// One page of tasks.
public struct TaskPage: Sendable, Equatable {
    public var records: [TaskRecord]
    /// The cursor of the next page, `nil` on the last page.
    public var next: TaskCursor?
    /// How many tasks match the query in total (all pages).
    public var totalSize: Int

    public init(records: [TaskRecord], next: TaskCursor?, totalSize: Int) {
        self.records = records
        self.next = next
        self.totalSize = totalSize
    }
}
