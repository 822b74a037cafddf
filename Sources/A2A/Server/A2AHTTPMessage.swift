import Foundation

/// An HTTP request as the A2A bindings need it, independent of the HTTP server in use.
public struct A2AHTTPRequest: Sendable {
    public var method: String
    /// The path below the binding's base path, starting with `/` (no query string).
    public var path: String
    /// Query parameters; a key may repeat.
    public var query: [(name: String, value: String)]
    /// Header fields; names are matched case-insensitively.
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(method: String, path: String, query: [(name: String, value: String)] = [],
                headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (ASCII case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// All values of query parameter `name`, comma-separated values split.
    public func queryValues(_ name: String) -> [String] {
        query.filter { $0.name == name }.flatMap { $0.value.split(separator: ",").map(String.init) }
    }

    /// The media type of the body without parameters, lowercased (`nil` when absent).
    public var mediaType: String? {
        header("Content-Type").map {
            $0.split(separator: ";", maxSplits: 1)[0].trimmingCharacters(in: .whitespaces).lowercased()
        }
    }
}

/// What a binding answers: one body, or a stream of server-sent events.
public enum A2AHTTPResponse: Sendable {
    /// A complete response.
    case body(status: Int, contentType: String, headers: [(name: String, value: String)], body: Data)
    /// `200 text/event-stream`: each element is the JSON of one `data:` event.
    case eventStream(headers: [(name: String, value: String)], events: A2ASSEPayloads)

    public var status: Int {
        switch self {
        case .body(let status, _, _, _): status
        case .eventStream: 200
        }
    }
}

/// The JSON payloads of an SSE response, one per event, produced from a task's event stream.
public struct A2ASSEPayloads: AsyncSequence, Sendable {
    public typealias Element = Data

    private let events: TaskEventStream
    private let encode: @Sendable (StreamResponse) -> Data

    init(events: TaskEventStream, encode: @escaping @Sendable (StreamResponse) -> Data) {
        self.events = events
        self.encode = encode
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(base: events.makeAsyncIterator(), encode: encode)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var base: TaskEventStream.Iterator
        let encode: @Sendable (StreamResponse) -> Data

        public mutating func next() async -> Data? {
            guard let event = await base.next() else { return nil }
            return encode(event)
        }
    }
}
