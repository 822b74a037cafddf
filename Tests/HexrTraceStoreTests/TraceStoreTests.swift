import Foundation
import SwiftProtobuf
import Testing

@testable import HexrTraceStore

/// OTLP decoding, the span store's lookups, and the waterfall.
@Suite struct TraceStoreTests {
    static let trace = Data((0..<16).map { UInt8($0 + 1) })

    static func span(_ id: UInt8, parent: UInt8?, name: String, kind: Opentelemetry_Proto_Trace_V1_Span.SpanKind = .internal,
                     start: UInt64, end: UInt64, attributes: [(String, Opentelemetry_Proto_Common_V1_AnyValue)] = [],
                     error: String? = nil) -> Opentelemetry_Proto_Trace_V1_Span {
        var span = Opentelemetry_Proto_Trace_V1_Span()
        span.traceID = trace
        span.spanID = Data(repeating: id, count: 8)
        if let parent { span.parentSpanID = Data(repeating: parent, count: 8) }
        span.name = name
        span.kind = kind
        span.startTimeUnixNano = start
        span.endTimeUnixNano = end
        span.attributes = attributes.map { key, value in
            var pair = Opentelemetry_Proto_Common_V1_KeyValue()
            pair.key = key
            pair.value = value
            return pair
        }
        if let error {
            span.status.code = .error
            span.status.message = error
        }
        return span
    }

    static func value(_ string: String) -> Opentelemetry_Proto_Common_V1_AnyValue {
        var value = Opentelemetry_Proto_Common_V1_AnyValue()
        value.stringValue = string
        return value
    }

    static func value(_ bool: Bool) -> Opentelemetry_Proto_Common_V1_AnyValue {
        var value = Opentelemetry_Proto_Common_V1_AnyValue()
        value.boolValue = bool
        return value
    }

    static func list(_ strings: [String]) -> Opentelemetry_Proto_Common_V1_AnyValue {
        var array = Opentelemetry_Proto_Common_V1_ArrayValue()
        array.values = strings.map { Self.value($0) }
        var list = Opentelemetry_Proto_Common_V1_AnyValue()
        list.arrayValue = array
        return list
    }

    /// An export from two processes: a caller's run with a CLIENT span, and the callee's SERVER
    /// span with a denied policy decision under it.
    static func export() throws -> Data {
        func resource(_ service: String, _ spans: [Opentelemetry_Proto_Trace_V1_Span]) -> Opentelemetry_Proto_Trace_V1_ResourceSpans {
            var resourceSpans = Opentelemetry_Proto_Trace_V1_ResourceSpans()
            var name = Opentelemetry_Proto_Common_V1_KeyValue()
            name.key = "service.name"
            name.value = value(service)
            resourceSpans.resource.attributes = [name]
            var scope = Opentelemetry_Proto_Trace_V1_ScopeSpans()
            scope.spans = spans
            resourceSpans.scopeSpans = [scope]
            return resourceSpans
        }
        var request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest()
        request.resourceSpans = [
            resource("coordinator", [
                span(1, parent: nil, name: "run coordinator", start: 1_000_000, end: 9_000_000),
                span(2, parent: 1, name: "invoke_agent vault", kind: .client, start: 2_000_000, end: 5_000_000,
                     attributes: [("hexr.target.spiffe_id", value("spiffe://hexr.local/agent/acme/vault"))],
                     error: "Denied by policy"),
            ]),
            resource("vault", [
                span(3, parent: 2, name: "A2A SendMessage", kind: .server, start: 3_000_000, end: 4_000_000,
                     attributes: [("a2a.task.id", value("task-7"))], error: "Denied by policy"),
                span(4, parent: 3, name: "hexr.authz.decision", start: 3_100_000, end: 3_200_000,
                     attributes: [("hexr.authz.allow", value(false)), ("hexr.authz.reasons", list(["no grant"])),
                                  ("hexr.authz.decision_id", value("d-1"))],
                     error: "denied by policy"),
            ]),
        ]
        return try request.serializedData()
    }

    @Test func decodesAnExportIntoSpansWithHexIDsAndTheirProcess() throws {
        let spans = try OTLPTraceDecoding.spans(fromProtobuf: try Self.export())
        #expect(spans.count == 4)
        let client = try #require(spans.first { $0.name == "invoke_agent vault" })
        #expect(client.traceID == "0102030405060708090a0b0c0d0e0f10")
        #expect(client.spanID == "0202020202020202" && client.parentSpanID == "0101010101010101")
        #expect(client.kind == "client" && client.service == "coordinator" && client.status == .error)
        let decision = try #require(spans.first { $0.name == "hexr.authz.decision" })
        #expect(decision.service == "vault")
        #expect(decision.attributes["hexr.authz.allow"] == "false")
        #expect(decision.attributes["hexr.authz.reasons"] == "[no grant]")
        #expect(spans.first { $0.name == "run coordinator" }?.parentSpanID == nil)
    }

    @Test func refusesWhatIsNotAnExport() throws {
        #expect(throws: OTLPDecodingError.self) {
            _ = try OTLPTraceDecoding.spans(fromProtobuf: Data("not protobuf at all, just text".utf8))
        }
        var request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest()
        var resourceSpans = Opentelemetry_Proto_Trace_V1_ResourceSpans()
        var scope = Opentelemetry_Proto_Trace_V1_ScopeSpans()
        var short = Self.span(1, parent: nil, name: "broken", start: 0, end: 1)
        short.traceID = Data([1, 2, 3])
        scope.spans = [short]
        resourceSpans.scopeSpans = [scope]
        request.resourceSpans = [resourceSpans]
        #expect(throws: OTLPDecodingError.invalidIdentifier("broken")) {
            _ = try OTLPTraceDecoding.spans(fromProtobuf: try request.serializedData())
        }
    }

    @Test func findsTracesByIDTaskAndLastRun() async throws {
        let store = try SQLiteSpanStore(
            path: FileManager.default.temporaryDirectory.appending(path: "hexr-spans-\(UUID().uuidString).sqlite").path)
        let spans = try OTLPTraceDecoding.spans(fromProtobuf: try Self.export())
        // An idle agent's lone run span, started later, is not "the last run".
        let lone = RecordedSpan(traceID: String(repeating: "ab", count: 16), spanID: "0909090909090909",
                                parentSpanID: nil, name: "run idle", kind: "internal", service: "idle",
                                startNanos: 50_000_000, endNanos: 60_000_000)
        try await store.save(spans + [lone])
        try await store.save(spans)  // exporters may retry: no duplicates
        let trace = "0102030405060708090a0b0c0d0e0f10"
        #expect(try store.spans(ofTrace: trace).map(\.name)
            == ["run coordinator", "invoke_agent vault", "A2A SendMessage", "hexr.authz.decision"])
        #expect(try store.traceID(ofTask: "task-7") == trace)
        #expect(try store.traceID(ofTask: "unknown") == nil)
        #expect(try store.lastTraceID() == trace)
    }

    @Test func theWaterfallShowsTheTreeThePeerAndTheDecision() throws {
        let lines = TraceWaterfall().render(try OTLPTraceDecoding.spans(fromProtobuf: try Self.export()))
        #expect(lines[0] == "trace 0102030405060708090a0b0c0d0e0f10 — 4 spans in 2 processes, 8.0 ms")
        #expect(lines[1].hasPrefix("run coordinator"))
        #expect(lines[2].hasPrefix("└─ invoke_agent vault"))
        #expect(lines[2].contains("✗ Denied by policy"))
        #expect(lines[3].hasPrefix("   └─ A2A SendMessage") && lines[3].contains("vault"))
        #expect(lines[4].hasPrefix("      └─ hexr.authz.decision"))
        #expect(lines[4].hasSuffix("DENY: no grant (decision d-1)"))
        #expect(lines.count == 5)
    }
}
