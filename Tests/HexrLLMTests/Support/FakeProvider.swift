import Foundation
import HTTPTypes
import Hummingbird
import Logging
import HexrTestSupport
import Synchronization

/// An HTTP server on 127.0.0.1 (free port) standing in for an LLM provider: it records every POST
/// (path, headers, body) and answers the n-th with `replies[n]`, the last reply repeating.
final class FakeProvider: Sendable {
    /// One scripted answer.
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: String
        /// How long the handler waits before answering.
        var delay: Duration?

        /// A JSON answer.
        static func json(_ body: String, status: Int = 200, headers: [String: String] = [:],
                         delay: Duration? = nil) -> Reply {
            Reply(status: status, headers: headers, body: body, delay: delay)
        }
    }

    /// A request as the server saw it; header names are lowercased.
    struct Recorded: Sendable {
        let path: String
        let headers: [String: String]
        let body: Data

        /// The body as a JSON object (empty when it is not one).
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }
    }

    private let replies: [Reply]
    private let recorded = Mutex<[Recorded]>([])

    init(_ replies: Reply...) {
        precondition(!replies.isEmpty)
        self.replies = replies
    }

    /// The requests so far, in order of arrival.
    var requests: [Recorded] { recorded.withLock { $0 } }

    /// Runs the server for the duration of `body`, passing its base URL (`http://127.0.0.1:PORT`).
    /// Stops it by graceful shutdown, never by cancellation (a cancelled NIO server can trap).
    func run<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        let router = Router()
        router.post("**") { [self] request, _ -> Response in
            try await answer(request)
        }
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "test.fake-provider")
        logger.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in
                                  if let port = channel.localAddress?.port { portSink.yield(port) }
                              }, logger: logger)
        return try await withRunningServer([app], reporting: ports, logger: logger) { port in
            try await body("http://127.0.0.1:\(port)")
        }
    }

    private func answer(_ request: Request) async throws -> Response {
        let bytes = try await request.body.collect(upTo: 1 << 20)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let index = recorded.withLock { list in
            list.append(Recorded(path: request.uri.path, headers: headers, body: Data(bytes.readableBytesView)))
            return list.count - 1
        }
        let reply = replies[min(index, replies.count - 1)]
        if let delay = reply.delay { try await Task.sleep(for: delay) }
        var fields: HTTPFields = [.contentType: "application/json"]
        for (name, value) in reply.headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return Response(status: .init(code: reply.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body)))
    }
}
