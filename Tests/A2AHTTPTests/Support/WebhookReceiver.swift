import Foundation
import HexrTestSupport
import Hummingbird
import Logging
import Synchronization

/// A local webhook that records every POST (headers and JSON body); answers 503 to the first
/// `failFirst` requests to exercise retries.
final class WebhookReceiver: Sendable {
    struct Delivery: Sendable {
        var headers: [String: String]
        var body: Data
    }

    private let deliveries = Mutex<[Delivery]>([])
    private let failures = Mutex(0)
    let failFirst: Int

    init(failFirst: Int = 0) {
        self.failFirst = failFirst
    }

    var received: [Delivery] { deliveries.withLock { $0 } }
    var refused: Int { failures.withLock { $0 } }

    /// Runs the receiver for the duration of `body`, passing its URL.
    func run<T: Sendable>(_ body: @Sendable (URL) async throws -> T) async throws -> T {
        let router = Router()
        router.post("hook") { [self] request, context -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let shouldFail = failures.withLock { count -> Bool in
                guard count < failFirst else { return false }
                count += 1
                return true
            }
            if shouldFail { return Response(status: .serviceUnavailable) }
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
            deliveries.withLock { $0.append(Delivery(headers: headers, body: Data(buffer: bytes))) }
            return Response(status: .ok)
        }
        let (urls, sink) = AsyncStream.makeStream(of: URL.self)
        var logger = Logger(label: "test.webhook")
        logger.logLevel = .warning
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in
                                  sink.yield(URL(string: "http://127.0.0.1:\(channel.localAddress!.port!)/hook")!)
                              }, logger: logger)
        return try await withRunningServer([app], reporting: urls, body)
    }

    /// Waits (at most `timeout`) until `condition` holds for the deliveries so far.
    func wait(timeout: Duration = .seconds(10), until condition: ([Delivery]) -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(received) { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return condition(received)
    }
}
