import Foundation
import HexrLLM
import Testing

@Suite("Provider resolution from the environment")
struct EnvironmentTests {
    @Test("openai without key or base URL, anthropic without key: the local model answers, offline",
          arguments: ["openai", "anthropic", "OpenAI"])
    func fallsBackWithoutKey(provider: String) async throws {
        let response = try await Fixture.client([:]).complete(Fixture.request(provider))
        #expect(response.provider == "local")
        #expect(response.isOffline)
        #expect(response.text.hasPrefix("[offline local model]"))
    }

    @Test("HEXR_LLM_PROVIDER=local forces the local model even with a key; nothing is sent")
    func forcedLocal() async throws {
        let server = FakeProvider(.json(Fixture.openAIAnswer))
        let response = try await server.run { base in
            try await Fixture.client(["HEXR_LLM_PROVIDER": "local", "OPENAI_API_KEY": "k", "OPENAI_BASE_URL": base])
                .complete(Fixture.request())
        }
        #expect(response.provider == "local")
        #expect(response.isOffline)
        #expect(server.requests.isEmpty)
    }

    @Test("HEXR_LLM_PROVIDER=anthropic redirects an openai request")
    func overriddenProvider() async throws {
        let server = FakeProvider(.json(Fixture.anthropicAnswer))
        let response = try await server.run { base in
            try await Fixture.client(["HEXR_LLM_PROVIDER": "anthropic", "ANTHROPIC_API_KEY": "k",
                                      "ANTHROPIC_BASE_URL": base])
                .complete(Fixture.request("openai"))
        }
        #expect(response.provider == "anthropic")
        #expect(server.requests.map(\.path) == ["/v1/messages"])
    }

    @Test("a custom OPENAI_BASE_URL without a key talks to it, with no Authorization header")
    func compatibleServerWithoutKey() async throws {
        let server = FakeProvider(.json(Fixture.openAIAnswer))
        let response = try await server.run { base in
            try await Fixture.client(["OPENAI_BASE_URL": base + "/v1/"]).complete(Fixture.request())
        }
        #expect(response.provider == "openai")
        #expect(!response.isOffline)
        let request = try #require(server.requests.first)
        #expect(request.path == "/v1/chat/completions")
        #expect(request.headers["authorization"] == nil)
    }

    @Test("an unknown provider fails, listing the known ones")
    func unknownProvider() async {
        let error = await llmError { try await Fixture.client([:]).complete(Fixture.request("gemini")) }
        #expect(error == .unknownProvider("gemini", known: ["anthropic", "local", "openai"]))
        #expect(String(describing: error).contains("anthropic, local, openai"))
    }

    @Test("a base URL that is not http(s) is a configuration error naming the variable")
    func invalidBaseURL() {
        #expect(throws: LLMError.self) {
            try LLMProviderConfiguration(provider: "openai", environment: ["OPENAI_BASE_URL": "ftp://example"])
        }
        do {
            _ = try LLMProviderConfiguration(provider: "anthropic",
                                             environment: ["ANTHROPIC_API_KEY": "k", "ANTHROPIC_BASE_URL": "not a url"])
            Issue.record("expected a configuration error")
        } catch {
            guard case .invalidConfiguration(let variable, _) = error else {
                Issue.record("expected invalidConfiguration, got \(error)")
                return
            }
            #expect(variable == "ANTHROPIC_BASE_URL")
        }
    }

    @Test("the resolved configuration names provider and endpoint but never shows the key")
    func configurationHidesKey() throws {
        let configuration = try LLMProviderConfiguration(provider: "anthropic", environment: ["ANTHROPIC_API_KEY": "sk-hidden"])
        #expect(configuration.provider == "anthropic")
        #expect(configuration.endpoint?.absoluteString == "https://api.anthropic.com/v1/messages")
        #expect(configuration.fallbackNotice == nil)
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [String(describing: configuration), String(reflecting: configuration), dumped] {
            #expect(!text.contains("sk-hidden"))
        }
    }

    @Test("falling back logs one notice per client naming the variable to set")
    func fallbackNotice() async throws {
        let log = LogRecord()
        let client = Fixture.client([:], logger: log.logger)
        _ = try await client.complete(Fixture.request())
        _ = try await client.complete(Fixture.request())
        let notices = log.messages(at: .notice)
        #expect(notices.count == 1)
        #expect(notices.first?.contains("OPENAI_API_KEY") == true)
    }
}
