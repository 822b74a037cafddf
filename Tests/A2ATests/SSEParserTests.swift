import A2A
import Testing

/// The event-stream parser: line endings, comments, multi-line data, chunk boundaries.
@Suite struct SSEParserTests {
    private func parse(_ chunks: [String]) throws -> [SSEEvent] {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        for chunk in chunks { events += try parser.feed(Array(chunk.utf8)) }
        return events
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineEndingWorks(ending: String) throws {
        let text = "data: {\"a\":1}\(ending)\(ending)data: {\"b\":2}\(ending)\(ending)"
        #expect(try parse([text]).map(\.data) == [#"{"a":1}"#, #"{"b":2}"#])
    }

    @Test func crlfSplitAcrossChunksCountsOnce() throws {
        let events = try parse(["data: one\r", "\n\r", "\ndata: two\r\n\r\n"])
        #expect(events.map(\.data) == ["one", "two"])
    }

    @Test func commentsAndPingsAreIgnored() throws {
        let events = try parse([": ping - 2026-11-25\r\n\r\n", ":\r\n", "data: x\r\n\r\n"])
        #expect(events.map(\.data) == ["x"])
    }

    @Test func multiLineDataJoinsWithNewline() throws {
        #expect(try parse(["data: a\ndata: b\n\n"]).first?.data == "a\nb")
    }

    @Test func eventTypeAndIDAreKept() throws {
        let event = try #require(try parse(["event: error\nid: 7\ndata: {}\n\n"]).first)
        #expect(event.event == "error" && event.id == "7" && event.data == "{}")
    }

    @Test func eventsWithoutDataAreNotDispatched() throws {
        #expect(try parse(["event: nothing\n\n", "retry: 10\n\n"]).isEmpty)
    }

    @Test func byteByByteFeedingGivesTheSameEvents() throws {
        let text = "data: {\"x\": \"é\"}\r\n\r\n: c\r\ndata: 2\r\n\r\n"
        #expect(try parse(text.map(String.init)).map(\.data) == [#"{"x": "é"}"#, "2"])
    }

    @Test func overlongLinesAreRejected() throws {
        var parser = SSEParser(maxLineLength: 16)
        #expect(throws: SSEParserError.lineTooLong(16)) {
            _ = try parser.feed(Array(("data: " + String(repeating: "x", count: 64)).utf8))
        }
    }

    @Test func framingRoundTrips() throws {
        var parser = SSEParser()
        let framed = SSEEvent.frame(json: Array(#"{"task":{}}"#.utf8), event: "update")
        let events = try parser.feed(framed)
        #expect(events == [SSEEvent(event: "update", data: #"{"task":{}}"#)])
    }
}
