import AsyncHTTPClient
import HexrLLM
import Logging
import Testing

@Suite("Retries")
struct RetryTests {
    @Test("429 with Retry-After: 0 twice, then 200: succeeds on the third attempt")
    func rateLimitedThenSuccess() async throws {
        let limited = FakeProvider.Reply.json(#"{"error":{"message":"slow down"}}"#, status: 429,
                                              headers: ["Retry-After": "0"])
        let server = FakeProvider(limited, limited, .json(Fixture.openAIAnswer))
        let response = try await server.run { base in
            try await Fixture.client(["OPENAI_API_KEY": "k", "OPENAI_BASE_URL": base]).complete(Fixture.request())
        }
        #expect(response.text == "Synthesis: both sources agree.")
        #expect(server.requests.count == 3)
    }

    @Test("503 on every attempt: unavailable after exactly maxAttempts", arguments: [1, 4])
    func alwaysUnavailable(attempts: Int) async throws {
        let server = FakeProvider(.json(#"{"error":{"message":"overloaded"}}"#, status: 503))
        let error = try await server.run { base in
            await llmError {
                try await Fixture.client(["OPENAI_API_KEY": "k", "OPENAI_BASE_URL": base], retry: Fixture.quickRetry(attempts))
                    .complete(Fixture.request())
            }
        }
        #expect(error == .unavailable(provider: "openai", attempts: attempts, lastStatus: 503, message: "overloaded"))
        #expect(server.requests.count == attempts)
    }

    @Test("529 from Anthropic is retried like 503")
    func anthropicOverloaded() async throws {
        let server = FakeProvider(.json(#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#,
                                        status: 529),
                                  .json(Fixture.anthropicAnswer))
        let response = try await server.run { base in
            try await Fixture.client(["ANTHROPIC_API_KEY": "k", "ANTHROPIC_BASE_URL": base])
                .complete(Fixture.request("anthropic"))
        }
        #expect(response.text == "Hello, world.")
        #expect(server.requests.count == 2)
    }

    @Test("a numeric Retry-After is waited for")
    func retryAfterHonoured() async throws {
        let server = FakeProvider(.json("{}", status: 429, headers: ["Retry-After": "1"]), .json(Fixture.openAIAnswer))
        let clock = ContinuousClock()
        let start = clock.now
        _ = try await server.run { base in
            try await Fixture.client(["OPENAI_API_KEY": "k", "OPENAI_BASE_URL": base],
                                     retry: LLMRetryPolicy(initialBackoff: .milliseconds(1), maxBackoff: .seconds(5)))
                .complete(Fixture.request())
        }
        #expect(clock.now - start >= .seconds(1))
    }

    @Test("Retry-After is capped at maxBackoff")
    func retryAfterCapped() async throws {
        let server = FakeProvider(.json("{}", status: 503, headers: ["Retry-After": "3600"]), .json(Fixture.openAIAnswer))
        // Only the call is timed (not the fake server's start and stop): the 20 ms cap, not 3600 s.
        let elapsed = try await server.run { base in
            try await ContinuousClock().measure {
                _ = try await Fixture.client(["OPENAI_API_KEY": "k", "OPENAI_BASE_URL": base]).complete(Fixture.request())
            }
        }
        #expect(elapsed < .seconds(60))
        #expect(server.requests.count == 2)
    }

    @Test("a refused connection is retried, then reported as unavailable with no HTTP status")
    func connectionRefused() async throws {
        // A port that was just free: the server is gone once `run` returns.
        let base = try await FakeProvider(.json("{}")).run { $0 }
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        let error = try await HTTPClient.withHTTPClient(configuration: configuration) { http in
            await llmError {
                try await LLMClient(environment: ["OPENAI_BASE_URL": base], httpClient: http,
                                    logger: .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
                                    retry: Fixture.quickRetry(2))
                    .complete(Fixture.request())
            }
        }
        guard case .unavailable(let provider, let attempts, let lastStatus, _)? = error else {
            Issue.record("expected unavailable, got \(String(describing: error))")
            return
        }
        #expect(provider == "openai")
        #expect(attempts == 2)
        #expect(lastStatus == nil)
    }
}
