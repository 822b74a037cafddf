import Hexr
import HexrLLM
import PipelineStage

/// Stage 2: a draft from the research notes, then the reviewer.
@main
struct Writer: HexrAgent {
    static let config = AgentConfig(name: "writer", tenant: "newsroom", a2a: true,
                                    description: "Writes a draft from research notes")

    func handle(_ task: TaskContext, _ hexr: HexrContext) async throws {
        try await PipelineStage.run(task, hexr, stage: "writer", next: "reviewer") { notes in
            try await hexrLLM(provider: "openai", model: "gpt-4o-mini",
                              prompt: "Write a short article draft from these notes:\n\(notes)")
        }
    }
}
