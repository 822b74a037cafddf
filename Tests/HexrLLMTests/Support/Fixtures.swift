import HexrLLM
import Logging
import Testing
import Tracing

/// Canned provider answers.
enum Fixture {
    static let openAIAnswer = """
        {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-2024-08-06",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Synthesis: both sources agree."},
                     "finish_reason":"stop"}],
         "usage":{"prompt_tokens":21,"completion_tokens":5,"total_tokens":26}}
        """

    static let anthropicAnswer = """
        {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
         "content":[{"type":"text","text":"Hello, "},
                    {"type":"tool_use","id":"toolu_1","name":"lookup","input":{}},
                    {"type":"text","text":"world."}],
         "stop_reason":"end_turn","usage":{"input_tokens":30,"output_tokens":7}}
        """

    /// A retry policy with millisecond waits.
    static func quickRetry(_ attempts: Int = 3) -> LLMRetryPolicy {
        LLMRetryPolicy(maxAttempts: attempts, initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(20))
    }

    /// A client on `environment` with quick retries and a silent logger.
    static func client(_ environment: [String: String], tracer: any Tracer = NoOpTracer(),
                       logger: Logger = Logger(label: "test.llm", factory: { _ in SwiftLogNoOpLogHandler() }),
                       retry: LLMRetryPolicy = quickRetry(), timeout: Duration = .seconds(10)) -> LLMClient {
        LLMClient(environment: environment, tracer: tracer, logger: logger, retry: retry, timeout: timeout)
    }

    /// A request for `provider`.
    static func request(_ provider: String = "openai", model: String = "gpt-4o", prompt: String = "Say hello.",
                        system: String? = nil, maxTokens: Int = 64) -> LLMRequest {
        LLMRequest(provider: provider, model: model, prompt: prompt, system: system, maxTokens: maxTokens)
    }
}

/// Runs `body`, which should fail with an ``LLMError``, and returns that error (nil, with an issue
/// recorded, when it succeeded or failed otherwise).
func llmError(_ body: () async throws -> LLMResponse, sourceLocation: SourceLocation = #_sourceLocation) async -> LLMError? {
    do {
        let response = try await body()
        Issue.record("expected an LLMError, got \(response)", sourceLocation: sourceLocation)
    } catch let error as LLMError {
        return error
    } catch {
        Issue.record("expected an LLMError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
