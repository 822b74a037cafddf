import Hexr
import HexrLLM

/// Researches one topic per task with an LLM (the offline local model when no key is set) and
/// signs its answer with the SPIFFE ID of the replica that did the work.
@main
struct ResearchAnalyst: HexrAgent {
    static let config = AgentConfig(
        name: "research-analyst", tenant: "acme-corp", a2a: true,
        description: "Researches a topic and reports key findings",
        skills: [AgentConfig.skill("research", "Research a topic and report three key findings")])

    func handle(_ task: TaskContext, _ hexr: HexrContext) async throws {
        try await task.working("researching")
        let findings = try await hexrLLM(
            provider: "openai", model: "gpt-4o-mini",
            prompt: """
                \(task.text).
                Focus on adoption, the main players and the open risks.
                Answer with three short findings.
                """)
        try await task.addArtifact(name: "findings", parts: [.text("\(findings)\n— researched by \(hexr.identity)")])
    }
}
