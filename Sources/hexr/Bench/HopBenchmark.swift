import A2A
import A2AHTTP
import Foundation
import Hexr
import HexrControlPlane
import HexrPolicy
import HexrTraceStore
import OTel
import ServiceLifecycle
import Tracing

/// What one secured A2A hop costs: the same SendMessage load and handler under (a) plain HTTP,
/// (b) SPIFFE mTLS, (c) mTLS + the embedded policy, (d) mTLS + policy + tracing (swift-otel,
/// every span sampled and exported over OTLP/HTTP to a control-plane span sink in this process).
///
/// The four run in turn, `rounds` times over (a, b, c, d, a, b, …), each round with its share of the
/// requests, and each configuration's rounds are merged: a machine that speeds up or slows down during
/// the run then moves every configuration alike instead of showing up as the cost of one of them.
struct HopBenchmark {
    var requests: Int
    var connections: Int
    var rounds: Int

    struct Report {
        var plain: SendMessageBenchmark.Result
        var mtls: SendMessageBenchmark.Result
        var policy: SendMessageBenchmark.Result
        var traced: SendMessageBenchmark.Result
        var spansExported: Int

        func merging(_ other: Report) -> Report {
            Report(plain: plain.merging(other.plain), mtls: mtls.merging(other.mtls), policy: policy.merging(other.policy),
                   traced: traced.merging(other.traced), spansExported: spansExported + other.spansExported)
        }
    }

    func run() async throws -> Report {
        let identities = try BenchmarkIdentities()
        var report: Report?
        for _ in 0..<rounds {
            let round = try await runRound(identities, requests: max(connections, requests / rounds))
            report = report.map { $0.merging(round) } ?? round
        }
        try identities.checkNoRefusals()
        return report!
    }

    private func runRound(_ identities: BenchmarkIdentities, requests: Int) async throws -> Report {
        let load = SendMessageBenchmark(requests: requests, connections: connections,
                                        binding: AgentInterface.Binding.jsonRPC)
        let plain = try await load.runPlain()
        let mtlsPool = identities.clientPool()
        let mtls = try await load.run(transport: mtlsPool, pool: mtlsPool, makeServer: identities.server)

        let authorizer = EmbeddedAuthorizer(bundle: try .defaultPolicy(), logger: SendMessageBenchmark.logger)
        let serverID = identities.serverID
        @Sendable func configuration(tracer: any Tracer) -> A2AServiceConfiguration {
            A2AServiceConfiguration(card: .minimal(name: "bench"),
                                    gate: PolicyGate(authorizer: authorizer, destination: { serverID }, tracer: tracer,
                                                     logger: SendMessageBenchmark.logger),
                                    tracer: tracer)
        }
        let policyPool = identities.clientPool()
        let policy = try await load.run(transport: policyPool, pool: policyPool,
                                        configuration: configuration(tracer: NoOpTracer()), makeServer: identities.server)

        let (traced, exported) = try await withTracing { tracer in
            let pool = identities.clientPool()
            return try await load.run(
                transport: TracePropagatingTransport(pool, tracer: tracer), pool: pool,
                configuration: configuration(tracer: tracer),
                perform: { client, request in
                    try await tracer.withSpan("invoke_agent bench", ofKind: .client) { _ in
                        _ = try await client.sendMessage(request)
                    }
                },
                makeServer: identities.server)
        }
        // Four spans per traced request (the client's, the server's, the decision, the handler's run).
        guard exported >= 4 * requests else { throw BenchmarkError.spansDropped(exported: exported, expected: 4 * requests) }
        return Report(plain: plain, mtls: mtls, policy: policy, traced: traced, spansExported: exported)
    }

    /// Runs `body` with a swift-otel tracer exporting to a span sink (and its SQLite store) in a
    /// temporary directory; returns the body's result and how many spans reached the store.
    private func withTracing<T: Sendable>(_ body: @Sendable (any Tracer) async throws -> T) async throws -> (T, Int) {
        let directory = FileManager.default.temporaryDirectory.appending(path: "hexr-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteSpanStore(path: directory.appending(path: "traces.sqlite").path)
        let (urls, sink) = AsyncStream.makeStream(of: URL.self)
        let sinkService = OTLPSink(store: store, onListening: { sink.yield($0) }, logger: SendMessageBenchmark.logger)
        let sinkGroup = ServiceGroup(services: [sinkService], gracefulShutdownSignals: [], logger: SendMessageBenchmark.logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await sinkGroup.run() }
            var iterator = urls.makeAsyncIterator()
            guard let base = await iterator.next() else { throw BenchmarkError.serverDidNotStart }
            var otel = OTel.Configuration.default
            otel.serviceName = "hexr-bench"
            otel.logs.enabled = false
            otel.metrics.enabled = false
            otel.traces.sampler = .alwaysOn
            otel.traces.otlpExporter.endpoint = base.absoluteString + OTLPSink.tracesPath
            otel.traces.otlpExporter.protocol = .httpProtobuf
            SpanBatching.apply(to: &otel)  // as agents export
            let (tracer, exporter) = try OTel.makeTracingBackend(configuration: otel)
            let exportGroup = ServiceGroup(services: [exporter], gracefulShutdownSignals: [], logger: SendMessageBenchmark.logger)
            tasks.addTask { try await exportGroup.run() }
            let result = try await body(tracer)
            await exportGroup.triggerGracefulShutdown()  // flushes the last batch
            try await Task.sleep(for: .milliseconds(500))
            let exported = try store.count()
            await sinkGroup.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return (result, exported)
        }
    }
}
