/// The span store's row format, written by hand: the same JSON object `JSONEncoder` writes for a
/// `RecordedSpan` (same keys, `parentSpanID` left out when `nil`), which `JSONDecoder` reads back.
///
/// The sink stores every span every agent exports; `JSONEncoder` cost more than decoding the OTLP
/// export and writing the rows together, in bursts that held up the requests being traced.
extension RecordedSpan {
    /// The span as one UTF-8 JSON object.
    var jsonBytes: [UInt8] {
        var out = JSONWriter()
        out.raw("{")
        out.key("traceID", first: true)
        out.string(traceID)
        out.key("spanID")
        out.string(spanID)
        if let parentSpanID {
            out.key("parentSpanID")
            out.string(parentSpanID)
        }
        out.key("name")
        out.string(name)
        out.key("kind")
        out.string(kind)
        out.key("service")
        out.string(service)
        out.key("startNanos")
        out.number(startNanos)
        out.key("endNanos")
        out.number(endNanos)
        out.key("status")
        out.string(status.rawValue)
        out.key("statusMessage")
        out.string(statusMessage)
        out.key("attributes")
        out.object(attributes)
        out.key("events")
        out.raw("[")
        for (index, event) in events.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{")
            out.key("name", first: true)
            out.string(event.name)
            out.key("timeNanos")
            out.number(event.timeNanos)
            out.key("attributes")
            out.object(event.attributes)
            out.raw("}")
        }
        out.raw("]}")
        return out.bytes
    }
}

/// Appends JSON tokens to a byte buffer. Strings are escaped as RFC 8259 requires (quote, reverse
/// solidus and the controls U+0000–U+001F); everything else is written as its UTF-8 bytes.
private struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(512)
    }

    mutating func raw(_ token: StaticString) {
        token.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { raw(",") }
        raw("\"")
        raw(name)
        raw("\":")
    }

    mutating func number(_ value: UInt64) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func object(_ members: [String: String]) {
        raw("{")
        for (index, member) in members.enumerated() {
            if index > 0 { raw(",") }
            string(member.key)
            raw(":")
            string(member.value)
        }
        raw("}")
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case UInt8(ascii: "\n"): raw("\\n")
            case UInt8(ascii: "\r"): raw("\\r")
            case UInt8(ascii: "\t"): raw("\\t")
            case 0..<0x20:
                raw("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
