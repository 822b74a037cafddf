import Foundation
import GRDB

/// The control plane's spans, in one SQLite file: what `hexr trace` shows and `hexr up` prints at
/// the end of a run. Safe for concurrent use.
public final class SQLiteSpanStore: Sendable {
    private let database: DatabasePool

    /// Opens (creating if needed) the store at `path`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        // Spans are diagnostics: in WAL mode NORMAL survives a crash of any process and only a
        // power loss can take the last commits, and a commit costs no fsync.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        database = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(database)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE span (
                    trace_id TEXT NOT NULL,
                    span_id TEXT NOT NULL,
                    parent_span_id TEXT,
                    start_ns INTEGER NOT NULL,
                    task_id TEXT,
                    json BLOB NOT NULL,
                    PRIMARY KEY (trace_id, span_id)
                );
                CREATE INDEX span_task ON span(task_id) WHERE task_id IS NOT NULL;
                CREATE INDEX span_start ON span(start_ns);
                """)
        }
        return migrator
    }

    /// Stores `spans` (a span already stored is replaced). The rows are encoded and written on the
    /// database's own queue, never on a thread of the concurrency pool (the sink shares it with the
    /// agents' traffic in `hexr up`).
    public func save(_ spans: [RecordedSpan]) async throws {
        try await database.write { db in try Self.insert(spans, into: db) }
    }

    /// Decodes an OTLP/protobuf `ExportTraceServiceRequest` and stores its spans, all on the
    /// database's queue: an export of hundreds of spans is milliseconds of work that would
    /// otherwise hold a concurrency thread away from the requests being traced.
    /// - Returns: how many spans were stored.
    /// - Throws: `OTLPDecodingError` (and stores nothing) when `export` is not a valid export.
    @discardableResult
    public func save(otlpExport export: Data) async throws -> Int {
        try await database.write { db in
            let spans = try OTLPTraceDecoding.spans(fromProtobuf: export)
            try Self.insert(spans, into: db)
            return spans.count
        }
    }

    private static func insert(_ spans: [RecordedSpan], into db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO span (trace_id, span_id, parent_span_id, start_ns, task_id, json)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        for span in spans {
            try insert.execute(arguments: [span.traceID, span.spanID, span.parentSpanID,
                                           Int64(bitPattern: span.startNanos), span.attributes["a2a.task.id"],
                                           Data(span.jsonBytes)])
        }
    }

    /// How many spans are stored.
    public func count() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM span") ?? 0 }
    }

    /// Every span of `traceID`, earliest first.
    public func spans(ofTrace traceID: String) throws -> [RecordedSpan] {
        let decoder = JSONDecoder()
        return try database.read { db in
            try Data.fetchAll(db, sql: "SELECT json FROM span WHERE trace_id = ? ORDER BY start_ns",
                              arguments: [traceID.lowercased()])
        }.map { try decoder.decode(RecordedSpan.self, from: $0) }
    }

    /// The trace in which task `taskID` was sent or served.
    public func traceID(ofTask taskID: String) throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT trace_id FROM span WHERE task_id = ? ORDER BY start_ns LIMIT 1",
                                arguments: [taskID])
        }
    }

    /// The trace whose root started last among those with more than one span (an idle agent's
    /// lone `run` span is not a run worth showing).
    public func lastTraceID() throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: """
                SELECT root.trace_id FROM span AS root
                WHERE root.parent_span_id IS NULL
                  AND (SELECT COUNT(*) FROM span AS member WHERE member.trace_id = root.trace_id) > 1
                ORDER BY root.start_ns DESC LIMIT 1
                """)
        }
    }
}
