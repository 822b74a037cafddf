import A2A
import ArgumentParser
import Foundation

/// `hexr bench`: performance figures, printed (build with `-c release` for meaningful numbers).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Hexr on this machine and print the figures.",
        subcommands: [SendMessageBench.self])
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
        let result = try await SendMessageBenchmark(requests: requests, connections: connections, binding: bindingName).run()
        #if DEBUG
        Console.line("warning: debug build; use `swift run -c release hexr bench send` for real figures")
        #endif
        Console.line(String(format: "SendMessage %@, %d connection(s), %d requests in %.2f s: %.0f req/s, p50 %.0f µs, p99 %.0f µs (%d connections opened)",
                            binding, connections, result.requests, result.elapsed.seconds, result.perSecond,
                            result.latencies.percentile(0.5).microseconds, result.latencies.percentile(0.99).microseconds,
                            result.connectionsOpened))
    }
}
