import HexrLLM
import InMemoryTracing
import Testing
import Tracing

@Suite("Tracing")
struct TracingTests {
    private func attribute(_ span: FinishedInMemorySpan, _ name: String) -> SpanAttribute? {
        span.attributes[name]?.toSpanAttribute()
    }

    @Test("a successful call records one client span with the gen_ai attributes and usage")
    func successSpan() async throws {
        let tracer = InMemoryTracer()
        let server = FakeProvider(.json("{}", status: 503), .json(Fixture.openAIAnswer))
        let port = try await server.run { base in
            _ = try await Fixture.client(["OPENAI_API_KEY": "k", "OPENAI_BASE_URL": base], tracer: tracer)
                .complete(Fixture.request(maxTokens: 77))
            return Int(base.split(separator: ":").last!)!
        }
        let span = try #require(tracer.finishedSpans.only)
        #expect(span.operationName == "chat gpt-4o")
        #expect(span.kind == .client)
        #expect(attribute(span, "gen_ai.operation.name") == .string("chat"))
        #expect(attribute(span, "gen_ai.provider.name") == .string("openai"))
        #expect(attribute(span, "gen_ai.request.model") == .string("gpt-4o"))
        #expect(attribute(span, "gen_ai.request.max_tokens") == .int64(77))
        #expect(attribute(span, "gen_ai.response.model") == .string("gpt-4o-2024-08-06"))
        #expect(attribute(span, "gen_ai.usage.input_tokens") == .int64(21))
        #expect(attribute(span, "gen_ai.usage.output_tokens") == .int64(5))
        #expect(attribute(span, "server.address") == .string("127.0.0.1"))
        #expect(attribute(span, "server.port") == .int64(Int64(port)))
        #expect(attribute(span, "hexr.llm.offline") == .bool(false))
        #expect(attribute(span, "hexr.llm.attempts") == .int64(2))
        #expect(span.status == nil)
        #expect(span.errors.isEmpty)
    }

    @Test("a failed call records the error, error.type and an error status")
    func failureSpan() async throws {
        let tracer = InMemoryTracer()
        let server = FakeProvider(.json(#"{"error":{"message":"bad model"}}"#, status: 400))
        _ = try await server.run { base in
            await llmError {
                try await Fixture.client(["OPENAI_API_KEY": "k", "OPENAI_BASE_URL": base], tracer: tracer)
                    .complete(Fixture.request())
            }
        }
        let span = try #require(tracer.finishedSpans.only)
        #expect(span.kind == .client)
        #expect(span.status?.code == .error)
        #expect(attribute(span, "error.type") == .string("rejected"))
        #expect(attribute(span, "hexr.llm.attempts") == .int64(1))
        #expect(span.errors.count == 1)
        #expect(span.errors.first?.error as? LLMError == .rejected(provider: "openai", status: 400, message: "bad model"))
    }

    @Test("an unknown provider still leaves a failed span")
    func unknownProviderSpan() async throws {
        let tracer = InMemoryTracer()
        _ = await llmError { try await Fixture.client([:], tracer: tracer).complete(Fixture.request("nope")) }
        let span = try #require(tracer.finishedSpans.only)
        #expect(span.status?.code == .error)
        #expect(attribute(span, "error.type") == .string("unknown_provider"))
        #expect(attribute(span, "gen_ai.provider.name") == nil)
    }

    @Test("an offline answer is marked offline and names the local provider, without a server")
    func offlineSpan() async throws {
        let tracer = InMemoryTracer()
        _ = try await Fixture.client([:], tracer: tracer).complete(Fixture.request("anthropic", model: "claude"))
        let span = try #require(tracer.finishedSpans.only)
        #expect(span.operationName == "chat claude")
        #expect(attribute(span, "gen_ai.provider.name") == .string("local"))
        #expect(attribute(span, "gen_ai.response.model") == .string("hexr-local"))
        #expect(attribute(span, "hexr.llm.offline") == .bool(true))
        #expect(attribute(span, "server.address") == nil)
        #expect(attribute(span, "gen_ai.usage.input_tokens") == nil)
    }
}

extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
