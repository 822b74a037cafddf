import A2A
import Foundation
import GRDB
import SPIFFE

/// Registrations in the control plane's SQLite database: they survive a control-plane restart
/// (agents keep their leases and re-register on their next heartbeat if the lease ran out).
public final class SQLiteRegistryStore: RegistryStore {
    private let database: DatabasePool

    public init(path: String) throws {
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        database = try DatabasePool(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("registry-v1") { db in
            try db.execute(sql: """
                CREATE TABLE registration (
                    spiffe_id TEXT PRIMARY KEY NOT NULL,
                    tenant TEXT NOT NULL,
                    name TEXT NOT NULL,
                    card BLOB NOT NULL,
                    registered_at REAL NOT NULL,
                    expires_at REAL NOT NULL
                );
                CREATE INDEX registration_by_expiry ON registration (expires_at);
                """)
        }
        try migrator.migrate(database)
    }

    public func upsert(_ registration: AgentRegistration) async throws {
        let card = try A2AJSON.encode(registration.card)
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO registration (spiffe_id, tenant, name, card, registered_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (spiffe_id) DO UPDATE SET tenant = excluded.tenant, name = excluded.name,
                        card = excluded.card, registered_at = excluded.registered_at, expires_at = excluded.expires_at
                    """,
                arguments: [registration.spiffeID.description, registration.tenant, registration.name, card,
                            registration.registeredAt.timeIntervalSince1970,
                            registration.expiresAt.timeIntervalSince1970])
        }
    }

    public func renew(_ id: SPIFFEID, until: Date) async throws -> Bool {
        try await database.write { db in
            try db.execute(sql: "UPDATE registration SET expires_at = ? WHERE spiffe_id = ?",
                           arguments: [until.timeIntervalSince1970, id.description])
            return db.changesCount > 0
        }
    }

    @discardableResult
    public func remove(_ id: SPIFFEID) async throws -> Bool {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM registration WHERE spiffe_id = ?", arguments: [id.description])
            return db.changesCount > 0
        }
    }

    public func alive(at now: Date) async throws -> [AgentRegistration] {
        let rows = try await database.read { db -> [StoredRegistration] in
            try Row.fetchAll(
                db, sql: "SELECT * FROM registration WHERE expires_at > ? ORDER BY tenant, name, spiffe_id",
                arguments: [now.timeIntervalSince1970]
            ).map(StoredRegistration.init(row:))
        }
        return try rows.map { try $0.registration() }
    }

    @discardableResult
    public func pruneExpired(at now: Date) async throws -> Int {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM registration WHERE expires_at <= ?", arguments: [now.timeIntervalSince1970])
            return db.changesCount
        }
    }
}

/// One row, read out of the database as Sendable values.
private struct StoredRegistration: Sendable {
    var spiffeID: String
    var tenant: String
    var name: String
    var card: Data
    var registeredAt: Double
    var expiresAt: Double

    init(row: Row) {
        spiffeID = row["spiffe_id"]
        tenant = row["tenant"]
        name = row["name"]
        card = row["card"]
        registeredAt = row["registered_at"]
        expiresAt = row["expires_at"]
    }

    func registration() throws -> AgentRegistration {
        AgentRegistration(
            spiffeID: try SPIFFEID(parsing: spiffeID), name: name, tenant: tenant,
            card: try A2AJSON.decode(AgentCard.self, from: card),
            registeredAt: Date(timeIntervalSince1970: registeredAt), expiresAt: Date(timeIntervalSince1970: expiresAt))
    }
}
