import Foundation

/// One finished span as the control plane keeps it: identifiers in lowercase hex (as W3C
/// `traceparent` writes them), times in nanoseconds since the Unix epoch, attribute values as text.
public struct RecordedSpan: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable {
        case unset, ok, error
    }

    /// A timestamped note on a span (e.g. a task state change).
    public struct Event: Sendable, Hashable, Codable {
        public var name: String
        public var timeNanos: UInt64
        public var attributes: [String: String]

        public init(name: String, timeNanos: UInt64, attributes: [String: String] = [:]) {
            self.name = name
            self.timeNanos = timeNanos
            self.attributes = attributes
        }
    }

    public var traceID: String
    public var spanID: String
    /// `nil` for a root span.
    public var parentSpanID: String?
    public var name: String
    /// `internal`, `server`, `client`, `producer` or `consumer`.
    public var kind: String
    /// The exporting process (`service.name` of its resource).
    public var service: String
    public var startNanos: UInt64
    public var endNanos: UInt64
    public var status: Status
    public var statusMessage: String
    public var attributes: [String: String]
    public var events: [Event]

    public init(traceID: String, spanID: String, parentSpanID: String?, name: String, kind: String, service: String,
                startNanos: UInt64, endNanos: UInt64, status: Status = .unset, statusMessage: String = "",
                attributes: [String: String] = [:], events: [Event] = []) {
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.name = name
        self.kind = kind
        self.service = service
        self.startNanos = startNanos
        self.endNanos = endNanos
        self.status = status
        self.statusMessage = statusMessage
        self.attributes = attributes
        self.events = events
    }

    /// How long the span took, in nanoseconds.
    public var durationNanos: UInt64 { endNanos >= startNanos ? endNanos - startNanos : 0 }
}
