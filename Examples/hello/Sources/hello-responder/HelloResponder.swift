import Hexr

/// Answers every task with a greeting.
@main
struct HelloResponder: HexrAgent {
    static let config = AgentConfig(name: "hello-responder", tenant: "demo", a2a: true,
                                    description: "Greets whoever asks",
                                    skills: [AgentConfig.skill("greet", "Say hello")])

    func handle(_ task: TaskContext) async throws {
        try await task.addArtifact(parts: [.text("Hello, \(task.text)! (answered by \(task.call.caller ?? "?") → me)")])
    }
}
