import Logging
import Synchronization

/// Log messages kept for inspection.
final class LogRecord: Sendable {
    private let entries = Mutex<[(level: Logger.Level, message: String)]>([])

    /// A logger writing into this record.
    var logger: Logger {
        Logger(label: "test.capture") { _ in CapturingLogHandler(record: self) }
    }

    /// The messages logged at `level`.
    func messages(at level: Logger.Level) -> [String] {
        entries.withLock { $0.filter { $0.level == level }.map(\.message) }
    }

    /// Every message with its metadata, as one text.
    var everything: String {
        entries.withLock { $0.map(\.message).joined(separator: "\n") }
    }

    fileprivate func append(_ level: Logger.Level, _ message: String) {
        entries.withLock { $0.append((level, message)) }
    }
}

/// A log handler appending to a ``LogRecord``, metadata rendered into the message.
struct CapturingLogHandler: LogHandler {
    let record: LogRecord
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let rendered = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            .joined(separator: " ")
        record.append(event.level, "\(event.message)\(rendered)")
    }
}
