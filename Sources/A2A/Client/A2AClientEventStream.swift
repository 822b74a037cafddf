import Foundation

/// The events of a streaming call, parsed lazily from the response body as they arrive.
///
/// Ends when the agent closes the stream; throws `A2AClientError.remote` when the agent sends an
/// error event.
public struct A2AClientEventStream: AsyncSequence, Sendable {
    public typealias Element = StreamResponse

    private let body: AsyncThrowingStream<[UInt8], any Error>
    private let decode: @Sendable (SSEEvent) throws -> StreamResponse

    init(body: AsyncThrowingStream<[UInt8], any Error>, decode: @escaping @Sendable (SSEEvent) throws -> StreamResponse) {
        self.body = body
        self.decode = decode
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(body: body.makeAsyncIterator(), decode: decode)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var body: AsyncThrowingStream<[UInt8], any Error>.Iterator
        let decode: @Sendable (SSEEvent) throws -> StreamResponse
        var parser = SSEParser()
        var ready: [SSEEvent] = []

        public mutating func next() async throws -> StreamResponse? {
            while ready.isEmpty {
                guard let chunk = try await body.next() else { return nil }
                ready = try parser.feed(chunk)
            }
            return try decode(ready.removeFirst())
        }
    }
}
