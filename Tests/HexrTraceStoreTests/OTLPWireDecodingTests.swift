import Foundation
import SwiftProtobuf
import Testing

@testable import HexrTraceStore

/// The sink's hand-written OTLP reader against SwiftProtobuf with the generated messages (the
/// reference below is the decoding the sink used before): the same spans from generated exports,
/// and the same verdict on damaged ones — truncated, bytes changed, inserted or repeated.
@Suite struct OTLPWireDecodingTests {
    /// Either the spans or which refusal (the detail of `notAnExportRequest` is the decoder's own).
    enum Outcome: Equatable {
        case spans([RecordedSpan])
        case notAnExport
        case invalidIdentifier(String)

        init(_ body: () throws(OTLPDecodingError) -> [RecordedSpan]) {
            do {
                self = .spans(try body())
            } catch {
                switch error {
                case .notAnExportRequest: self = .notAnExport
                case .invalidIdentifier(let name): self = .invalidIdentifier(name)
                }
            }
        }
    }

    static func both(_ bytes: Data) -> (wire: Outcome, reference: Outcome) {
        (Outcome { () throws(OTLPDecodingError) in try OTLPTraceDecoding.spans(fromProtobuf: bytes) },
         Outcome { () throws(OTLPDecodingError) in try ReferenceDecoding.spans(fromProtobuf: bytes) })
    }

    @Test func generatedExportsGiveTheSameSpans() throws {
        var random = SplitMix64(seed: 0x5EED_0001)
        var spanCount = 0
        for round in 0..<300 {
            var generator = ExportGenerator(random: &random)
            let bytes = try generator.export().serializedData()
            let (wire, reference) = Self.both(bytes)
            #expect(wire == reference, "export \(round)")
            if case .spans(let spans) = reference { spanCount += spans.count }
        }
        #expect(spanCount > 1000, "the generator should produce real exports, not empty ones")
    }

    @Test func damagedExportsGetTheSameVerdict() throws {
        var random = SplitMix64(seed: 0x5EED_0002)
        var refused = 0
        var accepted = 0
        for round in 0..<150 {
            var generator = ExportGenerator(random: &random)
            let original = [UInt8](try generator.export().serializedData())
            guard !original.isEmpty else { continue }
            var variants: [[UInt8]] = []
            for _ in 0..<4 {  // truncated anywhere
                variants.append(Array(original.prefix(random.next(below: original.count))))
            }
            for _ in 0..<6 {  // one to three bytes changed
                var damaged = original
                for _ in 0...random.next(below: 3) {
                    damaged[random.next(below: damaged.count)] = UInt8(truncatingIfNeeded: random.next())
                }
                variants.append(damaged)
            }
            for _ in 0..<3 {  // bytes inserted
                var damaged = original
                let bytes = (0..<1 + random.next(below: 4)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                damaged.insert(contentsOf: bytes, at: random.next(below: damaged.count + 1))
                variants.append(damaged)
            }
            for _ in 0..<3 {  // a stretch repeated (repeated fields, merged messages)
                let start = random.next(below: original.count)
                let end = start + random.next(below: original.count - start + 1)
                var damaged = original
                damaged.insert(contentsOf: original[start..<end], at: end)
                variants.append(damaged)
            }
            for (index, variant) in variants.enumerated() {
                let (wire, reference) = Self.both(Data(variant))
                #expect(wire == reference, "export \(round), variant \(index): \(variant.map { String($0, radix: 16) })")
                if case .spans = reference { accepted += 1 } else { refused += 1 }
            }
        }
        // Both kinds of verdict must have been exercised for the comparison to mean anything.
        #expect(refused > 1000 && accepted > 100, "refused \(refused), accepted \(accepted)")
    }

    @Test func fieldsInAnyOrderAndMessagesThatMerge() throws {
        // A resource after its spans, a second resource merged into the first, a second status
        // merged into the first, and one attribute key given twice. Concatenated encodings of one
        // message decode as the two merged, so the export is put together from pieces.
        let span = TraceStoreTests.span(1, parent: nil, name: "late resource", start: 1, end: 2,
                                        attributes: [("k", TraceStoreTests.value("first")), ("k", TraceStoreTests.value("second"))],
                                        error: "boom")
        var laterStatus = Opentelemetry_Proto_Trace_V1_Span()
        laterStatus.status.code = .ok
        let scope = Self.field(2, try span.serializedData() + laterStatus.serializedData())  // ScopeSpans.spans
        let spansFirst = Self.field(2, scope)  // ResourceSpans.scope_spans
        var resourceLater = Opentelemetry_Proto_Trace_V1_ResourceSpans()
        var name = Opentelemetry_Proto_Common_V1_KeyValue()
        name.key = "service.name"
        name.value = TraceStoreTests.value("merged")
        resourceLater.resource.attributes = [name]
        var resourceFirst = Opentelemetry_Proto_Trace_V1_ResourceSpans()
        resourceFirst.resource.attributes = [name]
        resourceFirst.resource.attributes[0].value = TraceStoreTests.value("replaced")
        let request = Self.field(1, try resourceFirst.serializedData() + spansFirst + resourceLater.serializedData())

        let (wire, reference) = Self.both(request)
        #expect(wire == reference)
        guard case .spans(let spans) = wire else {
            Issue.record("refused: \(wire)")
            return
        }
        #expect(spans.count == 1)
        #expect(spans.first?.service == "merged" && spans.first?.attributes["k"] == "second")
        #expect(spans.first?.status == .ok && spans.first?.statusMessage == "boom")
    }

    /// A length-delimited field: its tag, its length, its bytes.
    static func field(_ number: UInt64, _ body: Data) -> Data {
        Data(varint(number << 3 | 2) + varint(UInt64(body.count))) + body
    }

    /// Request, resource spans, scope spans, span, key-value and value are 5 levels deep; each array
    /// adds 2, so 47 arrays put the innermost value at level 99 and 48 at 101, past the limit of 100.
    @Test(arguments: [46, 47, 48, 49])
    func nestingIsRefusedWhereSwiftProtobufRefusesIt(depth: Int) throws {
        var value = TraceStoreTests.value("innermost")
        for _ in 0..<depth {
            var array = Opentelemetry_Proto_Common_V1_ArrayValue()
            array.values = [value]
            value = Opentelemetry_Proto_Common_V1_AnyValue()
            value.arrayValue = array
        }
        var request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest()
        var resourceSpans = Opentelemetry_Proto_Trace_V1_ResourceSpans()
        var scope = Opentelemetry_Proto_Trace_V1_ScopeSpans()
        scope.spans = [TraceStoreTests.span(1, parent: nil, name: "deep", start: 1, end: 2, attributes: [("deep", value)])]
        resourceSpans.scopeSpans = [scope]
        request.resourceSpans = [resourceSpans]
        let (wire, reference) = Self.both(try request.serializedData())
        #expect(wire == reference)
        #expect((wire == .notAnExport) == (depth > 47), "\(wire)")
    }

    @Test func aGroupIsSkippedToItsEndAndAStrayEndGroupIsRefused() {
        // Field 7 as a group holding a varint, then field 1 (an empty ResourceSpans).
        let group: [UInt8] = [0x3B, 0x08, 0x01, 0x3C, 0x0A, 0x00]
        #expect(Self.both(Data(group)) == (.spans([]), .spans([])))
        let stray: [UInt8] = [0x3C, 0x0A, 0x00]
        #expect(Self.both(Data(stray)) == (.notAnExport, .notAnExport))
        let unclosed: [UInt8] = [0x3B, 0x08, 0x01]
        #expect(Self.both(Data(unclosed)) == (.notAnExport, .notAnExport))
    }

    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
        return bytes
    }
}

/// The sink's decoding before the wire reader: SwiftProtobuf's generated messages, then converted.
enum ReferenceDecoding {
    static func spans(fromProtobuf body: Data) throws(OTLPDecodingError) -> [RecordedSpan] {
        let request: Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest
        do {
            request = try Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest(serializedBytes: body)
        } catch {
            throw .notAnExportRequest("\(error)")
        }
        var spans: [RecordedSpan] = []
        for resourceSpans in request.resourceSpans {
            let service = attributes(resourceSpans.resource.attributes)["service.name"] ?? "unknown_service"
            for scopeSpans in resourceSpans.scopeSpans {
                for span in scopeSpans.spans {
                    guard span.traceID.count == 16, span.spanID.count == 8 else { throw .invalidIdentifier(span.name) }
                    spans.append(RecordedSpan(
                        traceID: hex(span.traceID), spanID: hex(span.spanID),
                        parentSpanID: span.parentSpanID.isEmpty ? nil : hex(span.parentSpanID),
                        name: span.name, kind: kind(span.kind), service: service,
                        startNanos: span.startTimeUnixNano, endNanos: span.endTimeUnixNano,
                        status: status(span.status.code), statusMessage: span.status.message,
                        attributes: attributes(span.attributes),
                        events: span.events.map { event in
                            RecordedSpan.Event(name: event.name, timeNanos: event.timeUnixNano,
                                               attributes: attributes(event.attributes))
                        }))
                }
            }
        }
        return spans
    }

    private static func hex(_ bytes: Data) -> String {
        bytes.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    private static func kind(_ kind: Opentelemetry_Proto_Trace_V1_Span.SpanKind) -> String {
        switch kind {
        case .internal: "internal"
        case .server: "server"
        case .client: "client"
        case .producer: "producer"
        case .consumer: "consumer"
        case .unspecified, .UNRECOGNIZED: "unspecified"
        }
    }

    private static func status(_ code: Opentelemetry_Proto_Trace_V1_Status.StatusCode) -> RecordedSpan.Status {
        switch code {
        case .ok: .ok
        case .error: .error
        case .unset, .UNRECOGNIZED: .unset
        }
    }

    private static func attributes(_ pairs: [Opentelemetry_Proto_Common_V1_KeyValue]) -> [String: String] {
        var result: [String: String] = [:]
        for pair in pairs { result[pair.key] = text(pair.value) }
        return result
    }

    private static func text(_ value: Opentelemetry_Proto_Common_V1_AnyValue) -> String {
        switch value.value {
        case .stringValue(let string): string
        case .boolValue(let bool): String(bool)
        case .intValue(let int): String(int)
        case .doubleValue(let double): String(double)
        case .arrayValue(let array): "[" + array.values.map(text).joined(separator: ", ") + "]"
        case .kvlistValue(let list): "{" + list.values.map { "\($0.key): \(text($0.value))" }.joined(separator: ", ") + "}"
        case .bytesValue(let bytes): hex(bytes)
        case .stringValueStrindex(let index): "#\(index)"
        case nil: ""
        }
    }
}

/// A deterministic generator (SplitMix64), so a failing case can be replayed from its seed.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { next(below: 100) < percent }
}

/// Random OTLP exports with every field the sink reads or checks, awkward text and odd values.
struct ExportGenerator {
    var random: SplitMix64

    init(random: inout SplitMix64) {
        self.random = SplitMix64(seed: random.next())
    }

    mutating func export() -> Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest {
        var request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest()
        request.resourceSpans = (0..<random.next(below: 3) + 1).map { _ in resourceSpans() }
        return request
    }

    private mutating func resourceSpans() -> Opentelemetry_Proto_Trace_V1_ResourceSpans {
        var resourceSpans = Opentelemetry_Proto_Trace_V1_ResourceSpans()
        resourceSpans.resource.attributes = attributes(max: 3)
        if random.chance(70) {
            var name = Opentelemetry_Proto_Common_V1_KeyValue()
            name.key = "service.name"
            name.value.stringValue = text()
            resourceSpans.resource.attributes.insert(name, at: random.next(below: resourceSpans.resource.attributes.count + 1))
        }
        if random.chance(30) { resourceSpans.schemaURL = text() }
        resourceSpans.scopeSpans = (0..<random.next(below: 3) + 1).map { _ in
            var scope = Opentelemetry_Proto_Trace_V1_ScopeSpans()
            if random.chance(50) {
                scope.scope.name = text()
                scope.scope.version = text()
                scope.scope.attributes = attributes(max: 2)
            }
            scope.spans = (0..<random.next(below: 5) + 1).map { _ in span() }
            return scope
        }
        return resourceSpans
    }

    private mutating func span() -> Opentelemetry_Proto_Trace_V1_Span {
        var span = Opentelemetry_Proto_Trace_V1_Span()
        span.traceID = bytes(random.chance(3) ? 15 : 16)
        span.spanID = bytes(random.chance(3) ? 7 : 8)
        if random.chance(70) { span.parentSpanID = bytes(random.chance(5) ? 3 : 8) }
        if random.chance(30) { span.traceState = text() }
        span.name = text()
        span.kind = .init(rawValue: random.next(below: 8)) ?? .unspecified
        span.startTimeUnixNano = random.next()
        span.endTimeUnixNano = random.chance(10) ? 0 : random.next()
        span.attributes = attributes(max: 6)
        span.events = (0..<random.next(below: 3)).map { _ in
            var event = Opentelemetry_Proto_Trace_V1_Span.Event()
            event.name = text()
            event.timeUnixNano = random.next()
            event.attributes = attributes(max: 2)
            return event
        }
        if random.chance(20) {
            var link = Opentelemetry_Proto_Trace_V1_Span.Link()
            link.traceID = bytes(16)
            link.spanID = bytes(8)
            link.traceState = text()
            link.attributes = attributes(max: 2)
            span.links = [link]
        }
        if random.chance(60) {
            span.status.code = .init(rawValue: random.next(below: 5)) ?? .unset
            span.status.message = text()
        }
        if random.chance(30) { span.flags = UInt32(truncatingIfNeeded: random.next()) }
        return span
    }

    private mutating func attributes(max: Int) -> [Opentelemetry_Proto_Common_V1_KeyValue] {
        (0..<random.next(below: max + 1)).map { _ in
            var pair = Opentelemetry_Proto_Common_V1_KeyValue()
            pair.key = random.chance(20) ? "dup" : text()
            pair.value = value(depth: 0)
            return pair
        }
    }

    private mutating func value(depth: Int) -> Opentelemetry_Proto_Common_V1_AnyValue {
        var value = Opentelemetry_Proto_Common_V1_AnyValue()
        switch random.next(below: depth >= 2 ? 6 : 9) {
        case 0: value.stringValue = text()
        case 1: value.boolValue = random.chance(50)
        case 2: value.intValue = Int64(bitPattern: random.next())
        case 3: value.doubleValue = [0.1, -0.0, 1e300, .infinity, .nan, Double(random.next() % 1000) / 7][random.next(below: 6)]
        case 4: value.bytesValue = bytes(random.next(below: 5))
        case 5: break  // no value at all
        case 6:
            var array = Opentelemetry_Proto_Common_V1_ArrayValue()
            array.values = (0..<random.next(below: 3)).map { _ in self.value(depth: depth + 1) }
            value.arrayValue = array
        case 7:
            var list = Opentelemetry_Proto_Common_V1_KeyValueList()
            list.values = (0..<random.next(below: 3)).map { _ in
                var pair = Opentelemetry_Proto_Common_V1_KeyValue()
                pair.key = text()
                pair.value = self.value(depth: depth + 1)
                return pair
            }
            value.kvlistValue = list
        default: value.stringValueStrindex = Int32(truncatingIfNeeded: random.next())
        }
        return value
    }

    private mutating func bytes(_ count: Int) -> Data {
        Data((0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) })
    }

    private static let pieces = ["a", "span", "é", "中", "🦊", "\"", "\\", "\n", "\u{0}", " ", "A2A SendMessage", "\u{2028}"]

    private mutating func text() -> String {
        (0..<random.next(below: 6)).map { _ in Self.pieces[random.next(below: Self.pieces.count)] }.joined()
    }
}
