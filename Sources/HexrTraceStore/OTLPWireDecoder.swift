/// Reads the messages of an OTLP `ExportTraceServiceRequest` (opentelemetry-proto v1) from the
/// wire into ``RecordedSpan``s, with protobuf's rules for what it meets: fields in any order, a
/// repeated singular field's last value wins (messages merge), a field with another wire type than
/// its declaration is skipped as unknown, and every string, also in fields not kept, must be UTF-8.
struct OTLPWireDecoder {
    typealias Reader = ProtobufWireReader

    private(set) var spans: [RecordedSpan] = []
    /// The name of the first span whose trace id is not 16 bytes or span id not 8; reported only
    /// once the whole export has been read (a malformed export is refused as such first).
    private(set) var firstInvalidIdentifier: String?

    /// `ResourceSpans`: 1 resource, 2 scope_spans, 3 schema_url.
    mutating func readResourceSpans(_ reader: inout Reader) throws(Reader.Failure) {
        var resource: [String: String] = [:]
        var scopes: [Reader] = []
        while let field = try reader.nextField() {
            switch field {
            case (1, .lengthDelimited):
                var message = try reader.message()
                try Self.readResource(&message, into: &resource)
            case (2, .lengthDelimited): scopes.append(try reader.message())
            case (3, .lengthDelimited): _ = try reader.string()
            default: try reader.skip(field.type, number: field.number)
            }
        }
        // The resource may come after its spans on the wire.
        let service = resource["service.name"] ?? "unknown_service"
        for var scope in scopes {
            try readScopeSpans(&scope, service: service)
        }
    }

    /// `Resource`: 1 attributes, 2 dropped_attributes_count, 3 entity_refs.
    private static func readResource(_ reader: inout Reader, into attributes: inout [String: String]) throws(Reader.Failure) {
        while let field = try reader.nextField() {
            switch field {
            case (1, .lengthDelimited): try readAttribute(&reader, into: &attributes)
            case (3, .lengthDelimited):
                var entity = try reader.message()
                try checkStrings(&entity, fields: 1...4)  // EntityRef: schema_url, type, id_keys, description_keys
            default: try reader.skip(field.type, number: field.number)
            }
        }
    }

    /// `ScopeSpans`: 1 scope, 2 spans, 3 schema_url.
    private mutating func readScopeSpans(_ reader: inout Reader, service: String) throws(Reader.Failure) {
        while let field = try reader.nextField() {
            switch field {
            case (1, .lengthDelimited):
                var scope = try reader.message()
                try Self.checkScope(&scope)
            case (2, .lengthDelimited):
                var span = try reader.message()
                try readSpan(&span, service: service)
            case (3, .lengthDelimited): _ = try reader.string()
            default: try reader.skip(field.type, number: field.number)
            }
        }
    }

    /// `Span`: 1 trace_id, 2 span_id, 3 trace_state, 4 parent_span_id, 5 name, 6 kind,
    /// 7 start_time_unix_nano, 8 end_time_unix_nano, 9 attributes, 11 events, 13 links, 15 status.
    private mutating func readSpan(_ reader: inout Reader, service: String) throws(Reader.Failure) {
        var traceID = UnsafeRawBufferPointer(start: nil, count: 0)
        var spanID = traceID
        var parentID = traceID
        var name = ""
        var kind: Int32 = 0
        var start: UInt64 = 0
        var end: UInt64 = 0
        var statusCode: Int32 = 0
        var statusMessage = ""
        var attributes: [String: String] = [:]
        var events: [RecordedSpan.Event] = []
        while let field = try reader.nextField() {
            switch field {
            case (1, .lengthDelimited): traceID = try reader.lengthDelimited()
            case (2, .lengthDelimited): spanID = try reader.lengthDelimited()
            case (3, .lengthDelimited): _ = try reader.string()
            case (4, .lengthDelimited): parentID = try reader.lengthDelimited()
            case (5, .lengthDelimited): name = try reader.string()
            case (6, .varint): kind = Int32(truncatingIfNeeded: try reader.varint())
            case (7, .fixed64): start = try reader.fixed64()
            case (8, .fixed64): end = try reader.fixed64()
            case (9, .lengthDelimited): try Self.readAttribute(&reader, into: &attributes)
            case (11, .lengthDelimited):
                var event = try reader.message()
                events.append(try Self.readEvent(&event))
            case (13, .lengthDelimited):
                var link = try reader.message()
                try Self.checkLink(&link)
            case (15, .lengthDelimited):
                var status = try reader.message()
                try Self.readStatus(&status, code: &statusCode, message: &statusMessage)
            default: try reader.skip(field.type, number: field.number)
            }
        }
        if (traceID.count != 16 || spanID.count != 8) && firstInvalidIdentifier == nil {
            firstInvalidIdentifier = name
        }
        spans.append(RecordedSpan(
            traceID: OTLPTraceDecoding.hex(traceID), spanID: OTLPTraceDecoding.hex(spanID),
            parentSpanID: parentID.isEmpty ? nil : OTLPTraceDecoding.hex(parentID),
            name: name, kind: Self.kind(kind), service: service, startNanos: start, endNanos: end,
            status: Self.status(statusCode), statusMessage: statusMessage, attributes: attributes, events: events))
    }

    /// `Span.Event`: 1 time_unix_nano, 2 name, 3 attributes, 4 dropped_attributes_count.
    private static func readEvent(_ reader: inout Reader) throws(Reader.Failure) -> RecordedSpan.Event {
        var event = RecordedSpan.Event(name: "", timeNanos: 0)
        while let field = try reader.nextField() {
            switch field {
            case (1, .fixed64): event.timeNanos = try reader.fixed64()
            case (2, .lengthDelimited): event.name = try reader.string()
            case (3, .lengthDelimited): try readAttribute(&reader, into: &event.attributes)
            default: try reader.skip(field.type, number: field.number)
            }
        }
        return event
    }

    /// `Status`: 2 message, 3 code (1 is reserved). A second status merges into the first.
    private static func readStatus(_ reader: inout Reader, code: inout Int32, message: inout String)
        throws(Reader.Failure)
    {
        while let field = try reader.nextField() {
            switch field {
            case (2, .lengthDelimited): message = try reader.string()
            case (3, .varint): code = Int32(truncatingIfNeeded: try reader.varint())
            default: try reader.skip(field.type, number: field.number)
            }
        }
    }

    /// `InstrumentationScope`: 1 name, 2 version, 3 attributes, 4 dropped_attributes_count.
    private static func checkScope(_ reader: inout Reader) throws(Reader.Failure) {
        var ignored: [String: String] = [:]
        while let field = try reader.nextField() {
            switch field {
            case (1, .lengthDelimited), (2, .lengthDelimited): _ = try reader.string()
            case (3, .lengthDelimited): try readAttribute(&reader, into: &ignored)
            default: try reader.skip(field.type, number: field.number)
            }
        }
    }

    /// `Span.Link`: 1 trace_id, 2 span_id, 3 trace_state, 4 attributes, 5 dropped_attributes_count, 6 flags.
    private static func checkLink(_ reader: inout Reader) throws(Reader.Failure) {
        var ignored: [String: String] = [:]
        while let field = try reader.nextField() {
            switch field {
            case (3, .lengthDelimited): _ = try reader.string()
            case (4, .lengthDelimited): try readAttribute(&reader, into: &ignored)
            default: try reader.skip(field.type, number: field.number)
            }
        }
    }

    /// Reads a message whose length-delimited fields `fields` are all strings.
    private static func checkStrings(_ reader: inout Reader, fields: ClosedRange<Int>) throws(Reader.Failure) {
        while let field = try reader.nextField() {
            if field.type == .lengthDelimited && fields.contains(field.number) {
                _ = try reader.string()
            } else {
                try reader.skip(field.type, number: field.number)
            }
        }
    }

    /// One `KeyValue` (a field of the enclosing message), added as text; a later key replaces an earlier one.
    private static func readAttribute(_ reader: inout Reader, into attributes: inout [String: String]) throws(Reader.Failure) {
        var pair = try reader.message()
        let (key, value) = try readKeyValue(&pair)
        attributes[key] = value.text
    }

    /// `KeyValue`: 1 key, 2 value, 3 key_strindex.
    private static func readKeyValue(_ reader: inout Reader) throws(Reader.Failure) -> (String, AttributeValue) {
        var key = ""
        var value = AttributeValue.none
        while let field = try reader.nextField() {
            switch field {
            case (1, .lengthDelimited): key = try reader.string()
            case (2, .lengthDelimited):
                var message = try reader.message()
                try readAnyValue(&message, into: &value)
            default: try reader.skip(field.type, number: field.number)
            }
        }
        return (key, value)
    }

    /// `AnyValue`, a oneof: 1 string, 2 bool, 3 int, 4 double, 5 array, 6 kvlist, 7 bytes,
    /// 8 string_value_strindex. The last one wins; an array or list meeting one merges into it.
    private static func readAnyValue(_ reader: inout Reader, into value: inout AttributeValue) throws(Reader.Failure) {
        while let field = try reader.nextField() {
            switch field {
            case (1, .lengthDelimited): value = .string(try reader.string())
            case (2, .varint): value = .bool(try reader.varint() != 0)
            case (3, .varint): value = .int(Int64(bitPattern: try reader.varint()))
            case (4, .fixed64): value = .double(Double(bitPattern: try reader.fixed64()))
            case (5, .lengthDelimited):
                var array = try reader.message()
                var values: [AttributeValue] = []
                if case .array(let existing) = value { values = existing }
                while let element = try array.nextField() {
                    if element == (1, .lengthDelimited) {
                        var item = try array.message()
                        var itemValue = AttributeValue.none
                        try readAnyValue(&item, into: &itemValue)
                        values.append(itemValue)
                    } else {
                        try array.skip(element.type, number: element.number)
                    }
                }
                value = .array(values)
            case (6, .lengthDelimited):
                var list = try reader.message()
                var pairs: [(String, AttributeValue)] = []
                if case .list(let existing) = value { pairs = existing }
                while let element = try list.nextField() {
                    if element == (1, .lengthDelimited) {
                        var pair = try list.message()
                        pairs.append(try readKeyValue(&pair))
                    } else {
                        try list.skip(element.type, number: element.number)
                    }
                }
                value = .list(pairs)
            case (7, .lengthDelimited): value = .bytes(OTLPTraceDecoding.hex(try reader.lengthDelimited()))
            case (8, .varint): value = .stringIndex(Int32(truncatingIfNeeded: try reader.varint()))
            default: try reader.skip(field.type, number: field.number)
            }
        }
    }

    private static func kind(_ value: Int32) -> String {
        switch value {
        case 1: "internal"
        case 2: "server"
        case 3: "client"
        case 4: "producer"
        case 5: "consumer"
        default: "unspecified"
        }
    }

    private static func status(_ code: Int32) -> RecordedSpan.Status {
        switch code {
        case 1: .ok
        case 2: .error
        default: .unset
        }
    }
}

/// An attribute's value as read, before it is kept as text.
private indirect enum AttributeValue {
    case none
    case string(String)
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case array([AttributeValue])
    case list([(String, AttributeValue)])
    /// Lowercase hex of the bytes.
    case bytes(String)
    case stringIndex(Int32)

    /// How the span store shows it: arrays as `[a, b]`, lists as `{k: v, …}`, bytes in hex.
    var text: String {
        switch self {
        case .none: ""
        case .string(let string): string
        case .bool(let bool): String(bool)
        case .int(let int): String(int)
        case .double(let double): String(double)
        case .array(let values): "[" + values.map(\.text).joined(separator: ", ") + "]"
        case .list(let pairs): "{" + pairs.map { "\($0.0): \($0.1.text)" }.joined(separator: ", ") + "}"
        case .bytes(let hex): hex
        case .stringIndex(let index): "#\(index)"
        }
    }
}
