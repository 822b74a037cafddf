import A2A
import ArgumentParser
import Foundation
import Hexr

/// `hexr bench agent`: load on an agent that `hexr up` runs, through the SDK path (registry,
/// SPIFFE mTLS, the agent's policy) as the operator identity — e.g. to watch its memory under load.
struct AgentLoadBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent", abstract: "Send tasks to a running agent (as the operator) and report throughput.")

    @OptionGroup var options: OperatorOptions

    @Argument(help: "The agent's name.")
    var agent: String

    @Option(help: "Tasks to send.")
    var requests = 5_000

    @Option(help: "Tasks in flight at once.")
    var concurrency = 16

    func run() async throws {
        guard requests > 0, concurrency > 0 else { throw ValidationError("--requests and --concurrency must be positive") }
        let (agent, requests, concurrency) = (self.agent, self.requests, self.concurrency)
        let (completed, elapsed) = try await OperatorSession.run(options) { session in
            let started = ContinuousClock.now
            let completed = try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in 0..<concurrency {
                    group.addTask {
                        var done = 0
                        for index in stride(from: worker, to: requests, by: concurrency) {
                            let task = try await session.a2a.wait(for: try await session.a2a.send(agent: agent, message: "load \(index)"))
                            if task.status.state == .completed { done += 1 }
                        }
                        return done
                    }
                }
                return try await group.reduce(0, +)
            }
            return (completed, ContinuousClock.now - started)
        }
        Console.line(String(format: "agent load: %d of %d tasks completed in %.2f s = %.0f tasks/s (%d in flight)",
                            completed, requests, elapsed.seconds, Double(completed) / elapsed.seconds, concurrency))
        if completed != requests { throw ExitCode(1) }
    }
}
