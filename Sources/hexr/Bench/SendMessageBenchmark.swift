import A2A
import A2AHTTP
import Foundation
import Logging
import ServiceLifecycle

/// SendMessage round trips against an in-process agent over real loopback connections: each
/// client connection sends its requests one after another on one keep-alive connection (or on a
/// fresh connection per request, to measure handshakes).
struct SendMessageBenchmark {
    var requests: Int
    var connections: Int
    var binding: String
    /// What each request does: a SendMessage, or only a GET of the Agent Card (to measure the
    /// connection and handshake cost with the least request work).
    var operation: Operation = .sendMessage

    enum Operation: Sendable { case sendMessage, fetchCard }

    struct Result {
        var requests: Int
        var elapsed: Duration
        var latencies: LatencyRecorder
        var connectionsOpened: Int

        var perSecond: Double { Double(requests) / elapsed.seconds }

        /// Both runs as one: requests, time under load and latencies added up.
        func merging(_ other: Result) -> Result {
            var latencies = self.latencies
            latencies.merge(other.latencies)
            return Result(requests: requests + other.requests, elapsed: elapsed + other.elapsed, latencies: latencies,
                          connectionsOpened: connectionsOpened + other.connectionsOpened)
        }

        var summary: String {
            String(format: "%.0f req/s, p50 %.0f µs, p99 %.0f µs (%d requests, %.2f s, %d connections opened)",
                   perSecond, latencies.percentile(0.5).microseconds, latencies.percentile(0.99).microseconds,
                   requests, elapsed.seconds, connectionsOpened)
        }
    }

    /// Completes every task at once with a one-part artifact (what a trivial agent costs).
    struct InstantAgent: AgentHandler {
        func handle(_ task: TaskContext) async throws {
            try await task.addArtifact(parts: [.text("ok")])
        }
    }

    static let logger: Logger = {
        var logger = Logger(label: "hexr.bench")
        logger.logLevel = .error
        return logger
    }()

    static func card(base: URL) -> AgentCard {
        let paths = A2AServerPaths()
        var card = AgentCard.minimal(name: "bench")
        card.supportedInterfaces = [
            AgentInterface(url: base.absoluteString + paths.jsonRPC, protocolBinding: AgentInterface.Binding.jsonRPC,
                           tenant: nil, protocolVersion: "1.0"),
            AgentInterface(url: base.absoluteString + paths.rest, protocolBinding: AgentInterface.Binding.httpJSON,
                           tenant: nil, protocolVersion: "1.0"),
        ]
        return card
    }

    /// How one measured request is made (e.g. inside a client span, for the traced configuration).
    typealias Perform = @Sendable (_ client: A2AClient, _ request: SendMessageRequest) async throws -> Void

    /// Runs the benchmark against the server `makeServer` builds (serving `configuration`), with `transport`.
    func run(
        transport: any A2AHTTPTransport & Sendable, pool: PooledHTTPClient,
        configuration: A2AServiceConfiguration = A2AServiceConfiguration(card: .minimal(name: "bench")),
        perform: Perform? = nil,
        makeServer: (_ service: A2AService, _ onListening: @escaping @Sendable (URL) async -> Void) -> A2AAgentServer
    ) async throws -> Result {
        let service = A2AService(configuration: configuration, handler: InstantAgent(), logger: Self.logger)
        let (urls, sink) = AsyncStream.makeStream(of: URL.self)
        let server = makeServer(service) { sink.yield($0) }
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [], logger: Self.logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = urls.makeAsyncIterator()
            guard let base = await iterator.next() else { throw BenchmarkError.serverDidNotStart }
            let result = try await measure(base: base, card: Self.card(base: base), transport: transport, pool: pool,
                                           perform: perform)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return result
        }
    }

    /// Runs the load against an agent that is already running at `base` (its card is fetched).
    func run(against base: URL, pool: PooledHTTPClient) async throws -> Result {
        let card = try await A2AClient.fetchCard(from: base, transport: pool)
        return try await measure(base: base, card: card, transport: pool, pool: pool, perform: nil)
    }

    private func measure(base: URL, card: AgentCard, transport: any A2AHTTPTransport & Sendable,
                         pool: PooledHTTPClient, perform: Perform?) async throws -> Result {
        let client = try A2AClient(card: card, transport: transport, bindings: [binding])
        let perConnection = max(1, requests / connections)
        try await withThrowingTaskGroup(of: Void.self) { warm in
            for _ in 0..<connections { warm.addTask { _ = try await client.sendMessage(text: "warm-up") } }
            try await warm.waitForAll()
        }
        let openedBefore = pool.openedConnections
        let start = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: LatencyRecorder.self) { workers in
            for _ in 0..<connections {
                workers.addTask {
                    var recorder = LatencyRecorder(capacity: perConnection)
                    let request = SendMessageRequest(message: .user("ping"))
                    for _ in 0..<perConnection {
                        let began = ContinuousClock.now
                        switch operation {
                        case .sendMessage:
                            if let perform { try await perform(client, request) } else { _ = try await client.sendMessage(request) }
                        case .fetchCard: _ = try await A2AClient.fetchCard(from: base, transport: transport)
                        }
                        recorder.record(ContinuousClock.now - began)
                    }
                    return recorder
                }
            }
            var all = LatencyRecorder(capacity: perConnection * connections)
            for try await recorder in workers { all.merge(recorder) }
            return all
        }
        let elapsed = ContinuousClock.now - start
        let opened = pool.openedConnections - openedBefore
        await pool.closeIdleConnections()
        return Result(requests: perConnection * connections, elapsed: elapsed, latencies: latencies,
                      connectionsOpened: opened)
    }

    /// Plain HTTP/1.1.
    func runPlain() async throws -> Result {
        let pool = PooledHTTPClient()
        return try await run(transport: pool, pool: pool) { service, onListening in
            A2AAgentServer(service: service, makeCard: Self.card(base:), onListening: onListening, logger: Self.logger)
        }
    }
}

enum BenchmarkError: Error, CustomStringConvertible {
    case serverDidNotStart
    /// Fewer spans reached the sink than the traced requests made: (d) would not be measuring tracing.
    case spansDropped(exported: Int, expected: Int)

    var description: String {
        switch self {
        case .serverDidNotStart: "the benchmark server did not start"
        case .spansDropped(let exported, let expected):
            "only \(exported) of at least \(expected) spans reached the sink: the exporter dropped spans"
        }
    }
}

extension Duration {
    var seconds: Double { microseconds / 1_000_000 }
}
