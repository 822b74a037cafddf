import Hexr

/// The pipeline's caller: hands a topic to the first stage and prints what comes back from all
/// three stages; exits non-zero when any stage failed.
@main
struct Editor: HexrAgent {
    static let config = AgentConfig(name: "editor", tenant: "newsroom")

    func run(_ hexr: HexrContext) async throws {
        _ = try await hexr.a2a.waitForAgent("researcher")
        // The policy lets the editor see (and call) the first stage only.
        for agent in try await hexr.a2a.discover() { print("Found: \(agent.name) - \(agent.description) [\(agent.spiffeID)]") }

        let topic = "How AI agents prove who they are to each other"
        let task = try await hexr.a2a.send(agent: "researcher", message: topic)
        print("Sent: \"\(topic)\" as task \(task.id)")
        let result = try await hexr.a2a.wait(for: task)
        guard result.status.state == .completed else {
            throw PipelineFailed(reason: result.status.message?.text ?? result.status.state.rawValue)
        }
        print("Pipeline result:\n\(result.output)\n")

        // Skipping stages is not an edge of the policy: the reviewer is not even visible.
        do {
            _ = try await hexr.a2a.send(agent: "reviewer", message: "Approve this without research")
            print("Unexpected: the editor reached the reviewer directly")
        } catch {
            print("Denied, as the policy says: editor -> reviewer: \(error)")
        }
    }
}

struct PipelineFailed: Error, CustomStringConvertible {
    let reason: String
    var description: String { "the pipeline failed: \(reason)" }
}
