import A2A
import A2AHTTP
import ArgumentParser
import Foundation

/// `hexr bench`: performance figures, printed (build with `-c release` for meaningful numbers).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Hexr on this machine and print the figures (use a release build).",
        subcommands: [SendMessageBench.self, HopBench.self, BaselineBench.self, MTLSBench.self, SVIDBench.self, PolicyBench.self,
                      MeshBench.self, AgentLoadBench.self])

    static func warnIfDebug() {
        #if DEBUG
        Console.line("warning: debug build; use `swift run -c release hexr bench …` for real figures")
        #endif
    }
}

/// `hexr bench send`: SendMessage round trips per second over keep-alive connections.
struct SendMessageBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send", abstract: "SendMessage round trips per second over keep-alive HTTP connections.")

    @Option(help: "Total number of measured requests.")
    var requests = 20_000

    @Option(help: "Concurrent keep-alive connections (each sends its requests one after another).")
    var connections = 1

    @Option(help: "Binding: jsonrpc or rest.")
    var binding = "jsonrpc"

    func run() async throws {
        let bindingName = switch binding {
        case "jsonrpc": AgentInterface.Binding.jsonRPC
        case "rest": AgentInterface.Binding.httpJSON
        default: throw ValidationError("--binding must be jsonrpc or rest")
        }
        guard requests > 0, connections > 0 else { throw ValidationError("--requests and --connections must be positive") }
        BenchCommand.warnIfDebug()
        let result = try await SendMessageBenchmark(requests: requests, connections: connections, binding: bindingName)
            .runPlain()
        Console.line("SendMessage \(binding), \(connections) connection(s): \(result.summary)")
    }
}

/// `hexr bench mtls`: plain HTTP vs SPIFFE mTLS on the same handler, and handshakes per second.
struct MTLSBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mtls", abstract: "SendMessage over plain HTTP vs SPIFFE mTLS, and full mTLS handshakes per second.")

    @Option(help: "Measured keep-alive requests per run.")
    var requests = 20_000

    @Option(help: "Concurrent connections.")
    var connections = 1

    @Option(help: "Fresh-connection requests (one full mTLS handshake each).")
    var handshakes = 2_000

    func run() async throws {
        guard requests > 0, connections > 0, handshakes > 0 else { throw ValidationError("counts must be positive") }
        BenchCommand.warnIfDebug()
        let report = try await MTLSBenchmark(requests: requests, connections: connections, handshakes: handshakes).run()
        let added = report.mtls.latencies.percentile(0.5).microseconds - report.plain.latencies.percentile(0.5).microseconds
        Console.line("plain HTTP, \(connections) connection(s): \(report.plain.summary)")
        Console.line("mTLS,       \(connections) connection(s): \(report.mtls.summary)")
        Console.line(String(format: "mTLS adds %.0f µs at p50 (goal ≤ 100 µs); throughput ratio mTLS/plain %.2f",
                            added, report.mtls.perSecond / report.plain.perSecond))
        Console.line(String(format: "full mTLS handshakes (a fresh connection per card fetch, 4 concurrent, both ends in this process): %.0f/s (goal ≥ 1000/s); %@",
                            report.fresh.perSecond, report.fresh.summary))
    }
}

/// `hexr bench svid`: X.509-SVID issuance per second.
struct SVIDBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "svid", abstract: "X.509-SVID issuances per second.")

    @Option(help: "SVIDs to issue.")
    var count = 20_000

    @Option(help: "Concurrent issuing tasks.")
    var workers = 2

    func run() async throws {
        guard count > 0, workers > 0 else { throw ValidationError("counts must be positive") }
        BenchCommand.warnIfDebug()
        let (issued, elapsed) = try await SVIDIssuanceBenchmark(count: count, workers: workers).run()
        Console.line(String(format: "SVID issuance: %d in %.2f s = %.0f/s on %d task(s) (goal ≥ 2000/s)",
                            issued, elapsed.seconds, Double(issued) / elapsed.seconds, workers))
    }
}

/// `hexr bench policy`: embedded policy decision latency.
struct PolicyBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Embedded Rego decision latency (default policy and a 100-rule policy).")

    @Option(help: "Decisions per policy.")
    var decisions = 100_000

    func run() async throws {
        guard decisions > 0 else { throw ValidationError("--decisions must be positive") }
        BenchCommand.warnIfDebug()
        let gate = try await GateBenchmark(decisions: decisions).run()
        Console.line(String(format: "policy gate (caller principal, input document, default policy, decision span): p50 %.2f µs, p99 %.2f µs",
                            gate.percentile(0.5).microseconds, gate.percentile(0.99).microseconds))
        for result in try PolicyBenchmark(decisions: decisions).run() {
            Console.line(String(format: "%@: decision p50 %.2f µs, p99 %.2f µs; Rego evaluation alone p50 %.2f µs, p99 %.2f µs; %d decisions (allow=%@; goal p50 ≤ 5 µs for the default policy)",
                                result.name, result.latencies.percentile(0.5).microseconds,
                                result.latencies.percentile(0.99).microseconds,
                                result.evaluation.percentile(0.5).microseconds,
                                result.evaluation.percentile(0.99).microseconds, decisions,
                                result.allowed ? "true" : "false"))
        }
    }
}

/// `hexr bench hop`: the cost of each layer of a secured hop, in one run.
struct HopBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hop",
        abstract: "SendMessage under (a) plain HTTP, (b) mTLS, (c) mTLS + policy, (d) mTLS + policy + tracing.")

    @Option(help: "Measured requests per configuration.")
    var requests = 20_000

    @Option(help: "Concurrent keep-alive connections.")
    var connections = 1

    @Option(help: "Rounds: the four configurations run in turn this many times, each with its share of the requests.")
    var rounds = 4

    func run() async throws {
        guard requests > 0, connections > 0, rounds > 0 else {
            throw ValidationError("--requests, --connections and --rounds must be positive")
        }
        BenchCommand.warnIfDebug()
        let report = try await HopBenchmark(requests: requests, connections: connections, rounds: rounds).run()
        let plain = report.plain.latencies
        for (name, result) in [("(a) plain HTTP", report.plain), ("(b) mTLS", report.mtls),
                               ("(c) mTLS + policy", report.policy), ("(d) mTLS + policy + tracing", report.traced)] {
            Console.line(String(format: "hop %@, %d connection(s): %@; adds p50 %+.0f µs, p99 %+.0f µs over (a)",
                                name, connections, result.summary,
                                result.latencies.percentile(0.5).microseconds - plain.percentile(0.5).microseconds,
                                result.latencies.percentile(0.99).microseconds - plain.percentile(0.99).microseconds))
        }
        Console.line("hop (d) exported \(report.spansExported) spans over OTLP/HTTP to the span sink")
        Console.line(String(format: "hop summary, %d connection(s): d_per_s=%.0f d_p50_added_us=%.0f d_p99_added_us=%.0f tracing_overhead_p50_us=%.0f",
                            connections, report.traced.perSecond,
                            report.traced.latencies.percentile(0.5).microseconds - plain.percentile(0.5).microseconds,
                            report.traced.latencies.percentile(0.99).microseconds - plain.percentile(0.99).microseconds,
                            report.traced.latencies.percentile(0.5).microseconds - report.policy.latencies.percentile(0.5).microseconds))
    }
}

/// `hexr bench baseline`: the same load generator against an A2A agent already running (the
/// official Python SDK's, for the comparison).
struct BaselineBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline", abstract: "SendMessage load against a running A2A agent (plain HTTP, JSON-RPC).")

    @Option(help: "The agent's base URL (its card at /.well-known/agent-card.json).")
    var url: String

    @Option(help: "Measured requests.")
    var requests = 2_000

    @Option(help: "Concurrent keep-alive connections.")
    var connections = 1

    func run() async throws {
        guard let base = URL(string: url), base.scheme == "http" else { throw ValidationError("--url must be an http URL") }
        guard requests > 0, connections > 0 else { throw ValidationError("--requests and --connections must be positive") }
        let result = try await SendMessageBenchmark(requests: requests, connections: connections,
                                                    binding: AgentInterface.Binding.jsonRPC)
            .run(against: base, pool: PooledHTTPClient())
        Console.line("baseline \(url), \(connections) connection(s): \(result.summary)")
    }
}

/// `hexr bench mesh`: fan-out and pipeline through the SDK (registry, mTLS, policy).
struct MeshBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mesh", abstract: "Fan-out of many tasks over agent replicas, and a pipeline of hops, via the SDK.")

    @Option(help: "Tasks in the fan-out.")
    var tasks = 1_000

    @Option(help: "Fan-out rounds; the median is reported.")
    var rounds = 5

    @Option(help: "Agent replicas the fan-out spreads over.")
    var replicas = 10

    @Option(help: "Hops in the pipeline.")
    var hops = 5

    @Option(help: "Pipeline runs (one after another).")
    var runs = 200

    func run() async throws {
        guard tasks > 0, rounds > 0, replicas > 0, hops > 0, runs > 0 else {
            throw ValidationError("counts must be positive")
        }
        BenchCommand.warnIfDebug()
        let report = try await MeshBenchmark(tasks: tasks, fanOutRounds: rounds, replicas: replicas, hops: hops,
                                             pipelineRuns: runs).run()
        let sorted = report.fanOut.sorted()
        Console.line(String(format: "fan-out: %d tasks to %d agents, all results in %.3f s (median of %d rounds; fastest %.3f s, slowest %.3f s) (goal < 1 s)",
                            tasks, replicas, sorted[sorted.count / 2].seconds, sorted.count,
                            sorted[0].seconds, sorted[sorted.count - 1].seconds))
        Console.line(String(format: "pipeline: %d hops, end to end p50 %.2f ms, p99 %.2f ms over %d runs",
                            hops, report.pipeline.percentile(0.5).microseconds / 1000,
                            report.pipeline.percentile(0.99).microseconds / 1000, runs))
    }
}
