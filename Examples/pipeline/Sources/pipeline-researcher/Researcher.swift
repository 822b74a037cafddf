import Hexr
import HexrLLM
import PipelineStage

/// Stage 1: research notes on the topic, then the rest of the pipeline (writer, reviewer).
@main
struct Researcher: HexrAgent {
    static let config = AgentConfig(name: "researcher", tenant: "newsroom", a2a: true,
                                    description: "Collects research notes on a topic")

    func handle(_ task: TaskContext, _ hexr: HexrContext) async throws {
        try await PipelineStage.run(task, hexr, stage: "researcher", next: "writer") { input in
            try await hexrLLM(provider: "openai", model: "gpt-4o-mini",
                              prompt: "Collect research notes for an article on: \(input)\nList the key facts.")
        }
    }
}
