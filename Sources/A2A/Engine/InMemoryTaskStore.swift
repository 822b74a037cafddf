import Foundation
import Synchronization

/// A `TaskStore` that keeps everything in memory; lost when the process exits.
public final class InMemoryTaskStore: TaskStore {
    private struct TaskKey: Hashable {
        var tenant: String
        var id: String
    }

    private struct State {
        var tasks: [TaskKey: TaskRecord] = [:]
        var pushConfigs: [TaskKey: [String: TaskPushNotificationConfig]] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public func save(_ record: TaskRecord) async throws {
        state.withLock { $0.tasks[TaskKey(tenant: record.tenant, id: record.task.id)] = record }
    }

    public func task(id: String, tenant: String) async throws -> TaskRecord? {
        state.withLock { $0.tasks[TaskKey(tenant: tenant, id: id)] }
    }

    public func tasks(matching query: TaskQuery) async throws -> TaskPage {
        let matching = state.withLock { state in state.tasks.values.filter(query.matches) }
            .sorted(by: TaskCursor.newestFirst)
        let remaining = query.cursor.map { cursor in matching.filter(cursor.precedes) } ?? matching
        let page = Array(remaining.prefix(query.pageSize))
        let next = remaining.count > page.count ? page.last.map(TaskCursor.init(after:)) : nil
        return TaskPage(records: page, next: next, totalSize: matching.count)
    }

    public func savePushConfig(_ config: TaskPushNotificationConfig, tenant: String) async throws {
        let key = TaskKey(tenant: tenant, id: config.taskId ?? "")
        state.withLock { $0.pushConfigs[key, default: [:]][config.id ?? ""] = config }
    }

    public func pushConfig(taskID: String, id: String, tenant: String) async throws -> TaskPushNotificationConfig? {
        state.withLock { $0.pushConfigs[TaskKey(tenant: tenant, id: taskID)]?[id] }
    }

    public func pushConfigs(taskID: String, tenant: String) async throws -> [TaskPushNotificationConfig] {
        let configs = state.withLock { $0.pushConfigs[TaskKey(tenant: tenant, id: taskID)] ?? [:] }
        return configs.keys.sorted().compactMap { configs[$0] }
    }

    @discardableResult
    public func deletePushConfig(taskID: String, id: String, tenant: String) async throws -> Bool {
        state.withLock { $0.pushConfigs[TaskKey(tenant: tenant, id: taskID)]?.removeValue(forKey: id) != nil }
    }
}
