/// An incremental parser for `text/event-stream` (WHATWG HTML §9.2.6).
///
/// Feed bytes as they arrive; complete events come out. Lines end with CRLF, LF or CR (a CR at the
/// end of one chunk followed by LF at the start of the next counts once); lines starting with `:`
/// are comments (keep-alive pings); several `data:` lines join with `\n`; an event is dispatched
/// on a blank line, and only if it has data.
public struct SSEParser: Sendable {
    private var line: [UInt8] = []
    private var lastWasCR = false
    private var data: [String] = []
    private var hasData = false
    private var eventType: String?
    private var eventID: String?

    /// The largest line accepted; a longer one is a protocol error (protects memory).
    public let maxLineLength: Int

    public init(maxLineLength: Int = 16 * 1024 * 1024) {
        self.maxLineLength = maxLineLength
    }

    /// Parses `bytes` and returns the events they complete.
    public mutating func feed(_ bytes: some Sequence<UInt8>) throws(SSEParserError) -> [SSEEvent] {
        var events: [SSEEvent] = []
        for byte in bytes {
            switch byte {
            case 0x0D:
                if let event = endLine() { events.append(event) }
                lastWasCR = true
            case 0x0A:
                if lastWasCR {
                    lastWasCR = false
                    continue
                }
                if let event = endLine() { events.append(event) }
            default:
                lastWasCR = false
                guard line.count < maxLineLength else { throw SSEParserError.lineTooLong(maxLineLength) }
                line.append(byte)
            }
        }
        return events
    }

    private mutating func endLine() -> SSEEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty { return dispatch() }
        if line.first == UInt8(ascii: ":") { return nil }
        let field: String
        var value: Substring
        let text = String(decoding: line, as: UTF8.self)
        if let colon = text.firstIndex(of: ":") {
            field = String(text[..<colon])
            value = text[text.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
        } else {
            field = text
            value = ""
        }
        switch field {
        case "data":
            data.append(String(value))
            hasData = true
        case "event": eventType = String(value)
        case "id": eventID = String(value)
        default: break  // "retry" and unknown fields are ignored
        }
        return nil
    }

    private mutating func dispatch() -> SSEEvent? {
        defer {
            data.removeAll()
            hasData = false
            eventType = nil
        }
        guard hasData else { return nil }
        return SSEEvent(event: eventType, data: data.joined(separator: "\n"), id: eventID)
    }
}

/// Why an event stream could not be parsed.
public enum SSEParserError: Error, Sendable, Equatable, CustomStringConvertible {
    case lineTooLong(Int)

    public var description: String {
        switch self {
        case .lineTooLong(let limit): "an event-stream line is longer than \(limit) bytes"
        }
    }
}
