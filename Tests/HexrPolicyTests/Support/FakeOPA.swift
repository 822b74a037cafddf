import Foundation
import HexrTestSupport
import Hummingbird
import Logging
import NIOCore
import Rego
import Synchronization

/// An HTTP server on 127.0.0.1 (free port) speaking OPA's Data API contract for one decision
/// document: `POST /v1/data/hexr/authz/decision` with a JSON body `{"input": …}`. A body of any
/// other shape gets OPA's 400 answer; a well-formed one is recorded and answered by `respond`.
final class FakeOPA: Sendable {
    static let decisionPath = "v1/data/hexr/authz/decision"

    private let respond: @Sendable (RegoValue) async throws -> Response
    private let inputs = Mutex<[RegoValue]>([])
    private let connectionCounter = ConnectionCounter()

    /// - Parameter respond: the answer to a well-formed request, given its input document.
    init(respond: @escaping @Sendable (RegoValue) async throws -> Response) {
        self.respond = respond
    }

    /// Answers every request with status 200 and `json`.
    convenience init(answering json: String) {
        self.init { _ in FakeOPA.json(json) }
    }

    /// The input documents of the well-formed requests so far.
    var receivedInputs: [RegoValue] { inputs.withLock { $0 } }

    /// How many well-formed requests arrived.
    var hits: Int { inputs.withLock { $0.count } }

    /// How many TCP connections clients opened.
    var connections: Int { connectionCounter.count }

    /// A 200 (or `status`) response with a JSON body.
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// Runs the server for the duration of `body`, passing its base URL.
    func run<T: Sendable>(_ body: @Sendable (URL) async throws -> T) async throws -> T {
        let router = Router()
        router.post(RouterPath(FakeOPA.decisionPath)) { [self] request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            guard request.headers[.contentType]?.hasPrefix("application/json") == true,
                  case .object(let document)? = try? RegoValue(jsonData: bytes.readableBytesView),
                  document.count == 1, let input = document["input"]
            else {
                return FakeOPA.json(#"{"code":"invalid_parameter","message":"body must be {\"input\": ...}"}"#,
                                    status: .badRequest)
            }
            inputs.withLock { $0.append(input) }
            return try await respond(input)
        }
        let (urls, sink) = AsyncStream.makeStream(of: URL.self)
        var logger = Logger(label: "test.fake-opa")
        logger.logLevel = .critical
        let counter = connectionCounter
        let app = Application(router: router, server: .http1(configuration: .init(additionalChannelHandlers: [counter.handler()])),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in
                                  sink.yield(URL(string: "http://127.0.0.1:\(channel.localAddress!.port!)")!)
                              }, logger: logger)
        return try await withRunningServer([app], reporting: urls, body)
    }
}


/// Counts the connections a server accepts (one handler per connection).
final class ConnectionCounter: Sendable {
    private let opened = Atomic<Int>(0)

    var count: Int { opened.load(ordering: .relaxed) }

    func handler() -> any RemovableChannelHandler { Handler(counter: self) }

    private final class Handler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny
        let counter: ConnectionCounter

        init(counter: ConnectionCounter) { self.counter = counter }

        func handlerAdded(context: ChannelHandlerContext) {
            counter.opened.add(1, ordering: .relaxed)
        }
    }
}
