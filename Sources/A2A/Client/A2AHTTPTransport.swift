import Foundation

/// Sends one HTTP request for an `A2AClient`. Implementations decide about TLS, peer
/// authentication and connection reuse; `A2AHTTP.PooledHTTPClient` is the standard one.
public protocol A2AHTTPTransport: Sendable {
    func execute(_ request: A2AClientRequest) async throws -> A2AClientResponse
}

/// An outbound HTTP request.
public struct A2AClientRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [(name: String, value: String)]
    public var body: Data?

    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// An HTTP response whose body arrives as chunks.
public struct A2AClientResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: AsyncThrowingStream<[UInt8], any Error>

    public init(status: Int, headers: [(name: String, value: String)], body: AsyncThrowingStream<[UInt8], any Error>) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (ASCII case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// Whether the body is an event stream.
    public var isEventStream: Bool {
        header("Content-Type")?.lowercased().hasPrefix("text/event-stream") ?? false
    }

    /// Reads the whole body; throws when it is longer than `limit` bytes.
    public func collect(upTo limit: Int) async throws -> Data {
        var data = Data()
        for try await chunk in body {
            guard data.count + chunk.count <= limit else {
                throw A2AClientError.invalidResponse("the response body is larger than \(limit) bytes")
            }
            data.append(contentsOf: chunk)
        }
        return data
    }
}
