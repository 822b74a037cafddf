import Foundation

/// A position in the newest-first order of tasks: the (status time, task id) of the last task of a page.
///
/// Serialised as an opaque URL-safe token (`nextPageToken`). Tasks are ordered by status time
/// (in whole microseconds) descending, then by id ascending, so the order is total and paging is
/// stable while tasks change.
public struct TaskCursor: Sendable, Hashable {
    /// Status time of the last task of the page, in microseconds since 1970.
    public var statusMicros: Int64
    public var taskID: String

    public init(statusMicros: Int64, taskID: String) {
        self.statusMicros = statusMicros
        self.taskID = taskID
    }

    /// The cursor that continues after `record`.
    public init(after record: TaskRecord) {
        self.init(statusMicros: record.statusMicros, taskID: record.task.id)
    }

    /// Whether `record` comes strictly after this cursor in the newest-first order.
    public func precedes(_ record: TaskRecord) -> Bool {
        let micros = record.statusMicros
        if micros != statusMicros { return micros < statusMicros }
        return record.task.id > taskID
    }

    /// The opaque page token.
    public var token: String {
        let raw = Data("\(statusMicros):\(taskID)".utf8).base64EncodedString()
        return raw.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Parses a page token; throws `invalidParams` when it was not made by `token`.
    public init(token: String) throws(A2AError) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
            let colon = text.firstIndex(of: ":"), let micros = Int64(text[..<colon])
        else {
            throw A2AError.invalidParams("pageToken is not a token this agent issued")
        }
        self.statusMicros = micros
        self.taskID = String(text[text.index(after: colon)...])
    }

    /// Sort predicate for the newest-first order.
    public static func newestFirst(_ a: TaskRecord, _ b: TaskRecord) -> Bool {
        let (ma, mb) = (a.statusMicros, b.statusMicros)
        if ma != mb { return ma > mb }
        return a.task.id < b.task.id
    }
}

extension TaskRecord {
    /// The status time in whole microseconds since 1970 (`Int64.min` when the status has no timestamp).
    public var statusMicros: Int64 {
        guard let time = task.status.timestamp else { return .min }
        return Int64((time.timeIntervalSince1970 * 1_000_000).rounded())
    }
}
