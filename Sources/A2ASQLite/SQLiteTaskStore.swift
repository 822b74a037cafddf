import A2A
import Foundation
import GRDB

/// A durable `TaskStore` in one SQLite file (WAL mode): a restarted agent still answers for the
/// tasks it had.
///
/// Each task is stored as its ProtoJSON plus the columns queries need (tenant, context, state,
/// status time, owner). Safe for concurrent use from many tasks.
public final class SQLiteTaskStore: TaskStore {
    private let database: DatabasePool

    /// Opens (creating if needed) the store at `path`.
    public init(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        database = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(database)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE task (
                    tenant TEXT NOT NULL,
                    id TEXT NOT NULL,
                    context_id TEXT NOT NULL,
                    state TEXT NOT NULL,
                    status_micros INTEGER NOT NULL,
                    owner TEXT,
                    json BLOB NOT NULL,
                    PRIMARY KEY (tenant, id)
                );
                CREATE INDEX task_by_status ON task (tenant, status_micros DESC, id);
                CREATE TABLE push_config (
                    tenant TEXT NOT NULL,
                    task_id TEXT NOT NULL,
                    id TEXT NOT NULL,
                    json BLOB NOT NULL,
                    PRIMARY KEY (tenant, task_id, id)
                );
                """)
        }
        return migrator
    }

    public func save(_ record: TaskRecord) async throws {
        let json = try A2AJSON.encode(record.task)
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO task (tenant, id, context_id, state, status_micros, owner, json)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (tenant, id) DO UPDATE SET
                        context_id = excluded.context_id, state = excluded.state,
                        status_micros = excluded.status_micros, owner = excluded.owner, json = excluded.json
                    """,
                arguments: [record.tenant, record.task.id, record.task.contextId, record.task.status.state.rawValue,
                            record.statusMicros, record.owner, json])
        }
    }

    public func task(id: String, tenant: String) async throws -> TaskRecord? {
        let stored = try await database.read { db -> StoredTask? in
            try Row.fetchOne(db, sql: "SELECT owner, json FROM task WHERE tenant = ? AND id = ?",
                             arguments: [tenant, id]).map(StoredTask.init(row:))
        }
        guard let stored else { return nil }
        return TaskRecord(task: try Self.decodeTask(stored.json), tenant: tenant, owner: stored.owner)
    }

    public func tasks(matching query: TaskQuery) async throws -> TaskPage {
        var filters = ["tenant = ?"]
        var arguments: StatementArguments = [query.tenant]
        if let owner = query.owner {
            filters.append("owner = ?")
            arguments += [owner]
        }
        if let contextID = query.contextID {
            filters.append("context_id = ?")
            arguments += [contextID]
        }
        if let state = query.state {
            filters.append("state = ?")
            arguments += [state.rawValue]
        }
        if let after = query.statusTimestampAfter {
            filters.append("status_micros >= ?")
            arguments += [Int64((after.timeIntervalSince1970 * 1_000_000).rounded(.up))]
        }
        let matching = filters.joined(separator: " AND ")
        var pageFilter = matching
        var pageArguments = arguments
        if let cursor = query.cursor {
            pageFilter += " AND (status_micros < ? OR (status_micros = ? AND id > ?))"
            pageArguments += [cursor.statusMicros, cursor.statusMicros, cursor.taskID]
        }
        let limit = query.pageSize + 1
        let (countSQL, countArguments) = ("SELECT COUNT(*) FROM task WHERE \(matching)", arguments)
        let (pageSQL, pageBindings) = (
            "SELECT owner, json FROM task WHERE \(pageFilter) ORDER BY status_micros DESC, id ASC LIMIT \(limit)",
            pageArguments)
        let (rows, total) = try await database.read { db -> ([StoredTask], Int) in
            let rows = try Row.fetchAll(db, sql: pageSQL, arguments: pageBindings).map(StoredTask.init(row:))
            let total = try Int.fetchOne(db, sql: countSQL, arguments: countArguments) ?? 0
            return (rows, total)
        }
        var records = try rows.map { row in
            TaskRecord(task: try Self.decodeTask(row.json), tenant: query.tenant, owner: row.owner)
        }
        var next: TaskCursor?
        if records.count > query.pageSize {
            records.removeLast()
            next = records.last.map(TaskCursor.init(after:))
        }
        return TaskPage(records: records, next: next, totalSize: total)
    }

    public func savePushConfig(_ config: TaskPushNotificationConfig, tenant: String) async throws {
        let json = try A2AJSON.encode(config)
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO push_config (tenant, task_id, id, json) VALUES (?, ?, ?, ?)
                    ON CONFLICT (tenant, task_id, id) DO UPDATE SET json = excluded.json
                    """,
                arguments: [tenant, config.taskId ?? "", config.id ?? "", json])
        }
    }

    public func pushConfig(taskID: String, id: String, tenant: String) async throws -> TaskPushNotificationConfig? {
        let data = try await database.read { db in
            try Data.fetchOne(db, sql: "SELECT json FROM push_config WHERE tenant = ? AND task_id = ? AND id = ?",
                              arguments: [tenant, taskID, id])
        }
        return try data.map { try A2AJSON.decode(TaskPushNotificationConfig.self, from: $0) }
    }

    public func pushConfigs(taskID: String, tenant: String) async throws -> [TaskPushNotificationConfig] {
        let rows = try await database.read { db in
            try Data.fetchAll(db, sql: "SELECT json FROM push_config WHERE tenant = ? AND task_id = ? ORDER BY id",
                              arguments: [tenant, taskID])
        }
        return try rows.map { try A2AJSON.decode(TaskPushNotificationConfig.self, from: $0) }
    }

    @discardableResult
    public func deletePushConfig(taskID: String, id: String, tenant: String) async throws -> Bool {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM push_config WHERE tenant = ? AND task_id = ? AND id = ?",
                           arguments: [tenant, taskID, id])
            return db.changesCount > 0
        }
    }

    private static func decodeTask(_ json: Data?) throws -> A2ATask {
        guard let json else { throw SQLiteTaskStoreError.corruptRow("a task row has no JSON") }
        return try A2AJSON.decode(A2ATask.self, from: json)
    }
}

/// The columns of a task row that are read back.
private struct StoredTask: Sendable {
    var owner: String?
    var json: Data?

    init(row: Row) {
        owner = row["owner"]
        json = row["json"]
    }
}

/// A stored row could not be read back.
public enum SQLiteTaskStoreError: Error, Sendable, CustomStringConvertible {
    case corruptRow(String)

    public var description: String {
        switch self {
        case .corruptRow(let detail): "corrupt task store row: \(detail)"
        }
    }
}
