import Hexr
import HexrLLM
import PipelineStage

/// Stage 3 (last): a review of the draft.
@main
struct Reviewer: HexrAgent {
    static let config = AgentConfig(name: "reviewer", tenant: "newsroom", a2a: true,
                                    description: "Reviews a draft")

    func handle(_ task: TaskContext, _ hexr: HexrContext) async throws {
        try await PipelineStage.run(task, hexr, stage: "reviewer", next: nil) { draft in
            try await hexrLLM(provider: "openai", model: "gpt-4o-mini",
                              prompt: "Review this draft and list what to improve:\n\(draft)")
        }
    }
}
