import A2A
import A2AHTTP
import Foundation
import Logging
import ServiceLifecycle

/// SendMessage round trips against an in-process agent over real loopback HTTP: each client
/// connection sends its requests one after another on one keep-alive connection.
struct SendMessageBenchmark {
    var requests: Int
    var connections: Int
    var binding: String

    struct Result {
        var requests: Int
        var elapsed: Duration
        var latencies: LatencyRecorder
        var connectionsOpened: Int

        var perSecond: Double { Double(requests) / elapsed.seconds }
    }

    /// Completes every task at once with a one-part artifact (what a trivial agent costs).
    struct InstantAgent: AgentHandler {
        func handle(_ task: TaskContext) async throws {
            try await task.addArtifact(parts: [.text("ok")])
        }
    }

    func run() async throws -> Result {
        var logger = Logger(label: "hexr.bench")
        logger.logLevel = .error
        let card = AgentCard.minimal(name: "bench")
        let service = A2AService(configuration: A2AServiceConfiguration(card: card), handler: InstantAgent(),
                                 logger: logger)
        let (urls, sink) = AsyncStream.makeStream(of: URL.self)
        let paths = A2AServerPaths()
        let server = A2AAgentServer(
            service: service, makeCard: { base in
                var card = card
                card.supportedInterfaces = [
                    AgentInterface(url: base.absoluteString + paths.jsonRPC, protocolBinding: AgentInterface.Binding.jsonRPC,
                                   tenant: nil, protocolVersion: "1.0"),
                    AgentInterface(url: base.absoluteString + paths.rest, protocolBinding: AgentInterface.Binding.httpJSON,
                                   tenant: nil, protocolVersion: "1.0"),
                ]
                return card
            }, onListening: { sink.yield($0) }, logger: logger)
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [], logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = urls.makeAsyncIterator()
            guard let base = await iterator.next() else { throw BenchmarkError.serverDidNotStart }
            let transport = PooledHTTPClient()
            let agentCard = try await A2AClient.fetchCard(from: base, transport: transport)
            let client = try A2AClient(card: agentCard, transport: transport, bindings: [binding])
            let perConnection = max(1, requests / connections)
            // Warm up every connection.
            try await withThrowingTaskGroup(of: Void.self) { warm in
                for _ in 0..<connections { warm.addTask { _ = try await client.sendMessage(text: "warm-up") } }
                try await warm.waitForAll()
            }
            let start = ContinuousClock.now
            let latencies = try await withThrowingTaskGroup(of: LatencyRecorder.self) { workers in
                for _ in 0..<connections {
                    workers.addTask {
                        var recorder = LatencyRecorder(capacity: perConnection)
                        let request = SendMessageRequest(tenant: nil, message: .user("ping"), configuration: nil,
                                                         metadata: nil)
                        for _ in 0..<perConnection {
                            let began = ContinuousClock.now
                            _ = try await client.sendMessage(request)
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
            await transport.closeIdleConnections()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return Result(requests: perConnection * connections, elapsed: elapsed, latencies: latencies,
                          connectionsOpened: transport.openedConnections)
        }
    }
}

enum BenchmarkError: Error, CustomStringConvertible {
    case serverDidNotStart

    var description: String { "the benchmark server did not start" }
}

extension Duration {
    var seconds: Double { microseconds / 1_000_000 }
}
