import HexrLLM
import Testing

@Suite("Offline local model")
struct LocalModelTests {
    private static let research = """
        Synthesize the research results below into one recommendation.

        - Source A: solar capacity grew 24% in 2024, led by utility-scale projects.
        - Source B: grid storage costs fell 18%, making evening supply viable.
        3. Source C: permitting delays remain the main bottleneck.
        """

    private func answer(_ prompt: String, system: String? = nil) async throws -> LLMResponse {
        try await Fixture.client([:]).complete(Fixture.request("local", prompt: prompt, system: system))
    }

    @Test("labelled, offline, restating the request and listing the prompt's points")
    func content() async throws {
        let response = try await answer(Self.research)
        #expect(response.provider == "local")
        #expect(response.isOffline)
        #expect(response.model == "hexr-local")
        #expect(response.usage == nil)
        let lines = response.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "[offline local model] Synthesize the research results below into one recommendation.")
        #expect(lines.contains("- Source A: solar capacity grew 24% in 2024, led by utility-scale projects."))
        #expect(lines.contains("- Source B: grid storage costs fell 18%, making evening supply viable."))
        #expect(lines.contains("- Source C: permitting delays remain the main bottleneck."))
    }

    @Test("the same input gives the same text; different prompts or system prompts give different text")
    func deterministic() async throws {
        let first = try await answer(Self.research)
        let again = try await answer(Self.research)
        #expect(first.text == again.text)
        #expect(try await answer(Self.research + "\n- Source D: demand is flat.").text != first.text)
        #expect(try await answer(Self.research, system: "Be terse.").text != first.text)
        #expect(try await answer("Say hello.").text != (try await answer("Say goodbye.")).text)
    }

    @Test("a one-paragraph prompt is split into sentences")
    func sentences() async throws {
        let text = try await answer("Compare the two offers. Offer one is cheaper. Offer two ships sooner.").text
        #expect(text.hasPrefix("[offline local model] Compare the two offers.\nKey points:\n"))
        #expect(text.contains("- Offer one is cheaper.\n- Offer two ships sooner.\n"))
    }

    @Test("the answer stays bounded however long the prompt")
    func bounded() async throws {
        let prompt = "Summarize.\n" + (1...200).map { "Finding \($0): " + String(repeating: "detail ", count: 100) }
            .joined(separator: "\n")
        let text = try await answer(prompt).text
        #expect(text.split(separator: "\n").count <= 16)
        #expect(text.count < 4000)
        #expect(text.contains("- … and 188 more"))
    }

    @Test("hexrLLM answers through the local model")
    func convenience() async throws {
        let text = try await hexrLLM(provider: "local", model: "any", prompt: "Name three colours.")
        #expect(text.hasPrefix("[offline local model] Name three colours."))
    }
}
