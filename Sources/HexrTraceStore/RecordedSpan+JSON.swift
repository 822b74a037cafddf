import A2A

/// The span store's row format, written by hand: the same JSON object `JSONEncoder` writes for a
/// `RecordedSpan` (same keys, `parentSpanID` left out when `nil`), which `JSONDecoder` reads back.
///
/// The sink stores every span every agent exports; `JSONEncoder` cost more than decoding the OTLP
/// export and writing the rows together, in bursts that held up the requests being traced.
extension RecordedSpan {
    /// The span as one UTF-8 JSON object.
    var jsonBytes: [UInt8] {
        var out = JSONWriter(capacity: 512)
        out.raw("{")
        out.member("traceID", traceID)
        out.raw(",")
        out.member("spanID", spanID)
        if let parentSpanID {
            out.raw(",")
            out.member("parentSpanID", parentSpanID)
        }
        out.raw(",")
        out.member("name", name)
        out.raw(",")
        out.member("kind", kind)
        out.raw(",")
        out.member("service", service)
        out.raw(",\"startNanos\":")
        out.integer(startNanos)
        out.raw(",\"endNanos\":")
        out.integer(endNanos)
        out.raw(",")
        out.member("status", status.rawValue)
        out.raw(",")
        out.member("statusMessage", statusMessage)
        out.raw(",\"attributes\":")
        out.stringObject(attributes)
        out.raw(",\"events\":[")
        for (index, event) in events.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{")
            out.member("name", event.name)
            out.raw(",\"timeNanos\":")
            out.integer(event.timeNanos)
            out.raw(",\"attributes\":")
            out.stringObject(event.attributes)
            out.raw("}")
        }
        out.raw("]}")
        return out.bytes
    }
}
