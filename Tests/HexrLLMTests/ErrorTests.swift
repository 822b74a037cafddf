import HexrLLM
import Testing

@Suite("Provider errors")
struct ErrorTests {
    private static let key = "sk-secret-do-not-print"

    @Test("401: authenticationFailed after one request, naming the variable and not the key")
    func unauthorized() async throws {
        let server = FakeProvider(.json(#"{"error":{"message":"Incorrect API key provided: \#(Self.key)"}}"#, status: 401))
        let error = try await server.run { base in
            await llmError {
                try await Fixture.client(["OPENAI_API_KEY": Self.key, "OPENAI_BASE_URL": base]).complete(Fixture.request())
            }
        }
        guard case .authenticationFailed(let provider, let status, let message)? = error else {
            Issue.record("expected authenticationFailed, got \(String(describing: error))")
            return
        }
        #expect(provider == "openai")
        #expect(status == 401)
        #expect(message.contains("OPENAI_API_KEY"))
        #expect(server.requests.count == 1)
        let description = String(describing: error)
        #expect(!description.contains(Self.key))
        #expect(description.contains("OPENAI_API_KEY"))
    }

    @Test("retries are logged, without the key a provider message echoes")
    func retryLogHidesKey() async throws {
        let log = LogRecord()
        let server = FakeProvider(.json(#"{"error":{"message":"overloaded for key \#(Self.key)"}}"#, status: 503))
        let error = try await server.run { base in
            await llmError {
                try await Fixture.client(["OPENAI_API_KEY": Self.key, "OPENAI_BASE_URL": base], logger: log.logger)
                    .complete(Fixture.request())
            }
        }
        #expect(log.messages(at: .notice).count == 2)
        #expect(log.everything.contains("overloaded for key <redacted>"))
        #expect(!log.everything.contains(Self.key))
        #expect(!String(describing: error).contains(Self.key))
    }

    @Test("403 from Anthropic: authenticationFailed naming ANTHROPIC_API_KEY, not retried")
    func forbidden() async throws {
        let server = FakeProvider(.json(#"{"type":"error","error":{"type":"permission_error","message":"no access"}}"#,
                                        status: 403))
        let error = try await server.run { base in
            await llmError {
                try await Fixture.client(["ANTHROPIC_API_KEY": Self.key, "ANTHROPIC_BASE_URL": base])
                    .complete(Fixture.request("anthropic"))
            }
        }
        #expect(error == .authenticationFailed(provider: "anthropic", status: 403,
                                               message: "no access (check ANTHROPIC_API_KEY)"))
        #expect(server.requests.count == 1)
    }

    @Test("400: rejected with the provider's error.message, not retried")
    func badRequest() async throws {
        let server = FakeProvider(.json(#"{"error":{"message":"bad model","type":"invalid_request_error"}}"#, status: 400))
        let error = try await server.run { base in
            await llmError {
                try await Fixture.client(["OPENAI_API_KEY": "k", "OPENAI_BASE_URL": base]).complete(Fixture.request())
            }
        }
        #expect(error == .rejected(provider: "openai", status: 400, message: "bad model"))
        #expect(String(describing: error).contains("bad model"))
        #expect(server.requests.count == 1)
    }

    @Test("a 4xx without a JSON error carries the body's text")
    func plainTextRejection() async throws {
        let server = FakeProvider(.json("no such route", status: 404))
        let error = try await server.run { base in
            await llmError {
                try await Fixture.client(["OPENAI_BASE_URL": base]).complete(Fixture.request())
            }
        }
        #expect(error == .rejected(provider: "openai", status: 404, message: "no such route"))
    }

    @Test("a 200 whose body is not a completion: invalidResponse", arguments: [
        "{not json", #"{"choices":[]}"#, #"{"object":"chat.completion"}"#,
    ])
    func malformed(body: String) async throws {
        let server = FakeProvider(.json(body))
        let error = try await server.run { base in
            await llmError {
                try await Fixture.client(["OPENAI_API_KEY": "k", "OPENAI_BASE_URL": base]).complete(Fixture.request())
            }
        }
        guard case .invalidResponse(let provider, _)? = error else {
            Issue.record("expected invalidResponse, got \(String(describing: error))")
            return
        }
        #expect(provider == "openai")
        #expect(server.requests.count == 1)
    }

    @Test("a body over 8 MiB is refused as invalidResponse")
    func oversized() async throws {
        let server = FakeProvider(.json(String(repeating: " ", count: 9 << 20) + Fixture.openAIAnswer))
        let error = try await server.run { base in
            await llmError {
                try await Fixture.client(["OPENAI_API_KEY": "k", "OPENAI_BASE_URL": base]).complete(Fixture.request())
            }
        }
        #expect(error == .invalidResponse(provider: "openai", detail: "the body exceeds 8 MiB"))
    }

    @Test("a server slower than the timeout: timedOut, promptly")
    func slowServer() async throws {
        let server = FakeProvider(.json(Fixture.openAIAnswer, delay: .seconds(2)))
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        let error = try await server.run { base in
            let start = clock.now
            let error = await llmError {
                try await Fixture.client(["OPENAI_API_KEY": "k", "OPENAI_BASE_URL": base], retry: .none,
                                         timeout: .milliseconds(200))
                    .complete(Fixture.request())
            }
            elapsed = clock.now - start
            return error
        }
        #expect(error == .timedOut(provider: "openai", attempts: 1, timeout: .milliseconds(200)))
        #expect(String(describing: error).contains("timed out"))
        #expect(elapsed < .milliseconds(1950))  // before the server's 2 s answer, on a loaded machine too
    }

    @Test("maxTokens below 1 is refused before anything is sent")
    func invalidMaxTokens() async throws {
        let server = FakeProvider(.json(Fixture.openAIAnswer))
        let error = try await server.run { base in
            await llmError {
                try await Fixture.client(["OPENAI_BASE_URL": base]).complete(Fixture.request(maxTokens: 0))
            }
        }
        guard case .invalidRequest(provider: "openai", _)? = error else {
            Issue.record("expected invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(server.requests.isEmpty)
    }
}
