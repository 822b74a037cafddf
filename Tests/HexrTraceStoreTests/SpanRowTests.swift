import Foundation
import Testing

@testable import HexrTraceStore

/// The span store's hand-written row encoding: what `JSONDecoder` reads back must be the span that
/// was written, whatever its text holds; and an OTLP export is stored whole or not at all.
@Suite struct SpanRowTests {
    static let awkward = "quote \" backslash \\ slash / newline \n return \r tab \t nul \u{0} bell \u{7} unit \u{1F} "
        + "del \u{7F} é 中文 🦊 \u{2028}\u{2029} \u{FEFF}"

    static let spans: [RecordedSpan] = [
        RecordedSpan(traceID: String(repeating: "0a", count: 16), spanID: "0102030405060708", parentSpanID: nil,
                     name: "run coordinator", kind: "internal", service: "coordinator", startNanos: 0, endNanos: 1),
        RecordedSpan(traceID: String(repeating: "ff", count: 16), spanID: "1112131415161718",
                     parentSpanID: "0102030405060708", name: awkward, kind: "server", service: awkward,
                     startNanos: UInt64.max - 1, endNanos: UInt64.max, status: .error, statusMessage: awkward,
                     attributes: ["a2a.task.id": "task-1", awkward: awkward, "": ""],
                     events: [.init(name: "state", timeNanos: 42, attributes: ["to": "completed", awkward: ""]),
                              .init(name: awkward, timeNanos: 0)]),
        RecordedSpan(traceID: String(repeating: "00", count: 16), spanID: "0000000000000001", parentSpanID: "",
                     name: "", kind: "client", service: "", startNanos: 7, endNanos: 3, status: .ok),
    ]

    @Test(arguments: spans)
    func jsonDecoderReadsBackTheSpanThatWasWritten(_ span: RecordedSpan) throws {
        let row = Data(span.jsonBytes)
        #expect(try JSONDecoder().decode(RecordedSpan.self, from: row) == span)
        // Strictly valid JSON, not only what a lenient reader accepts.
        #expect(try JSONSerialization.jsonObject(with: row) is [String: Any])
    }

    @Test func controlCharactersAreEscapedAndNothingElseIs() {
        let span = RecordedSpan(traceID: "t", spanID: "s", parentSpanID: nil, name: "a\u{1}b\"c\\d🦊",
                                kind: "internal", service: "x", startNanos: 1, endNanos: 2)
        let text = String(decoding: span.jsonBytes, as: UTF8.self)
        #expect(text.contains(#""name":"a\u0001b\"c\\d🦊""#))
        #expect(!text.contains("parentSpanID"))
    }

    @Test func anExportIsStoredWholeOrNotAtAll() async throws {
        let store = try SQLiteSpanStore(
            path: FileManager.default.temporaryDirectory.appending(path: "hexr-spans-\(UUID().uuidString).sqlite").path)
        #expect(try await store.save(otlpExport: try TraceStoreTests.export()) == 4)
        #expect(try store.spans(ofTrace: "0102030405060708090a0b0c0d0e0f10").count == 4)

        await #expect(throws: OTLPDecodingError.self) {
            try await store.save(otlpExport: Data("not protobuf at all, just text".utf8))
        }
        #expect(try store.count() == 4)
    }
}
