import HexrLLM
import Testing

@Suite("Anthropic Messages")
struct AnthropicProviderTests {
    @Test("posts to /v1/messages with x-api-key and anthropic-version; concatenates text blocks; reads usage")
    func requestAndResponse() async throws {
        let server = FakeProvider(.json(Fixture.anthropicAnswer))
        let response = try await server.run { base in
            let client = Fixture.client(["ANTHROPIC_API_KEY": "sk-ant-test", "ANTHROPIC_BASE_URL": base])
            return try await client.complete(Fixture.request("anthropic", model: "claude-sonnet-4-5",
                                                             prompt: "Greet.", system: "Be warm.", maxTokens: 99))
        }
        #expect(response == LLMResponse(text: "Hello, world.", provider: "anthropic",
                                        model: "claude-sonnet-4-5-20250929",
                                        usage: LLMUsage(inputTokens: 30, outputTokens: 7), isOffline: false))
        let request = try #require(server.requests.first)
        #expect(request.path == "/v1/messages")
        #expect(request.headers["x-api-key"] == "sk-ant-test")
        #expect(request.headers["anthropic-version"] == "2023-06-01")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["authorization"] == nil)
        let body = request.json
        #expect(body["model"] as? String == "claude-sonnet-4-5")
        #expect(body["max_tokens"] as? Int == 99)
        #expect(body["system"] as? String == "Be warm.")
        #expect(body["messages"] as? [[String: String]] == [["role": "user", "content": "Greet."]])
    }

    @Test("leaves out system when there is none")
    func noSystem() async throws {
        let server = FakeProvider(.json(Fixture.anthropicAnswer))
        _ = try await server.run { base in
            try await Fixture.client(["ANTHROPIC_API_KEY": "k", "ANTHROPIC_BASE_URL": base + "/"])
                .complete(Fixture.request("anthropic"))
        }
        let request = try #require(server.requests.first)
        #expect(request.path == "/v1/messages")
        #expect(request.json.keys.sorted() == ["max_tokens", "messages", "model"])
    }
}
