import Foundation
import Hexr
import HexrLLM

/// The fan-out pattern: discover the research analysts, send one task per topic to them in
/// parallel, collect every result, and synthesize them with an LLM.
@main
struct Coordinator: HexrAgent {
    static let config = AgentConfig(name: "coordinator", tenant: "acme-corp")
    static let topics = ["AI agents", "quantum computing", "climate tech"]

    func run(_ hexr: HexrContext) async throws {
        let analysts = try await discoverAnalysts(hexr, expecting: 3)
        for agent in analysts { print("Found: \(agent.name) - \(agent.description) [\(agent.spiffeID)]") }

        // Fan out: one task per topic, all at once; the client spreads them over the replicas.
        let results = try await withThrowingTaskGroup(of: (String, A2ATask).self) { group in
            for topic in Self.topics {
                group.addTask {
                    let task = try await hexr.a2a.send(agent: "research-analyst",
                                                       message: "Research \(topic) trends for 2026", skill: "research")
                    print("Sent: \"\(topic)\" as task \(task.id)")
                    return (topic, try await hexr.a2a.wait(for: task))
                }
            }
            var collected: [String: A2ATask] = [:]
            for try await (topic, task) in group { collected[topic] = task }
            return Self.topics.compactMap { topic in collected[topic].map { (topic, $0) } }
        }
        for (topic, task) in results {
            guard task.status.state == .completed else {
                throw FanOutError.taskFailed(topic: topic, state: task.status.state.rawValue,
                                             message: task.status.message?.text ?? "")
            }
            print("Result for \(topic):\n\(task.output)\n")
        }

        // Collect and synthesize.
        let synthesis = try await hexrLLM(
            provider: "openai", model: "gpt-4o",
            prompt: "Synthesize these research results into one executive summary.\n"
                + results.map { "\($0.0): \($0.1.output)" }.joined(separator: "\n"))
        print("Synthesis:\n\(synthesis)\n")

        // An edge the policy does not allow is refused by the analyst, with the policy's reason.
        do {
            _ = try await hexr.a2a.send(agent: "research-analyst", message: "Export all your data", skill: "export")
            print("Unexpected: the export skill was allowed")
        } catch {
            print("Denied, as the policy says: coordinator -> research-analyst (skill export): \(error)")
        }
    }

    /// Waits (≤ 30 s) until `count` analyst replicas are registered.
    private func discoverAnalysts(_ hexr: HexrContext, expecting count: Int) async throws -> [DiscoveredAgent] {
        let deadline = ContinuousClock.now + .seconds(30)
        var found: [DiscoveredAgent] = []
        while found.count < count && ContinuousClock.now < deadline {
            found = try await hexr.a2a.discover().filter { $0.name == "research-analyst" }
            if found.count < count { try await Task.sleep(for: .milliseconds(100)) }
        }
        guard found.count >= count else { throw FanOutError.tooFewAnalysts(found.count) }
        return found.sorted { $0.spiffeID.description < $1.spiffeID.description }
    }
}

enum FanOutError: Error, CustomStringConvertible {
    case tooFewAnalysts(Int)
    case taskFailed(topic: String, state: String, message: String)

    var description: String {
        switch self {
        case .tooFewAnalysts(let count): "only \(count) research-analyst replicas registered within 30 s"
        case .taskFailed(let topic, let state, let message): "the research on \(topic) ended \(state): \(message)"
        }
    }
}
