import HexrLLM
import Testing

@Suite("OpenAI Chat Completions")
struct OpenAIProviderTests {
    @Test("posts model, system and user messages and max_tokens with a bearer key; reads text, model and usage")
    func requestAndResponse() async throws {
        let server = FakeProvider(.json(Fixture.openAIAnswer))
        let response = try await server.run { base in
            let client = Fixture.client(["OPENAI_API_KEY": "sk-test-123", "OPENAI_BASE_URL": base + "/v1"])
            return try await client.complete(Fixture.request(prompt: "Synthesize A and B.", system: "Be brief.",
                                                             maxTokens: 321))
        }
        #expect(response == LLMResponse(text: "Synthesis: both sources agree.", provider: "openai",
                                        model: "gpt-4o-2024-08-06", usage: LLMUsage(inputTokens: 21, outputTokens: 5),
                                        isOffline: false))
        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.path == "/v1/chat/completions")
        #expect(request.headers["authorization"] == "Bearer sk-test-123")
        #expect(request.headers["content-type"] == "application/json")
        let body = request.json
        #expect(body["model"] as? String == "gpt-4o")
        #expect(body["max_tokens"] as? Int == 321)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages == [["role": "system", "content": "Be brief."],
                             ["role": "user", "content": "Synthesize A and B."]])
    }

    @Test("sends only the user message when there is no system prompt")
    func noSystemMessage() async throws {
        let server = FakeProvider(.json(Fixture.openAIAnswer))
        _ = try await server.run { base in
            try await Fixture.client(["OPENAI_API_KEY": "k", "OPENAI_BASE_URL": base]).complete(Fixture.request())
        }
        let messages = try #require(server.requests.first?.json["messages"] as? [[String: String]])
        #expect(messages == [["role": "user", "content": "Say hello."]])
    }

    @Test("an answer without usage or model keeps the requested model and no usage")
    func sparseAnswer() async throws {
        let server = FakeProvider(.json(#"{"choices":[{"message":{"role":"assistant","content":"ok"}}]}"#))
        let response = try await server.run { base in
            try await Fixture.client(["OPENAI_BASE_URL": base]).complete(Fixture.request(model: "llama3"))
        }
        #expect(response.text == "ok")
        #expect(response.model == "llama3")
        #expect(response.usage == nil)
    }
}
