import AsyncHTTPClient
import Foundation
import Logging
import Tracing

/// Asks OpenAI, Anthropic or the offline local model for completions, with the provider resolved
/// from the request and the environment (see ``LLMProviderConfiguration``), retries and timeouts
/// per ``LLMRetryPolicy``, and one client span per call.
///
/// ```swift
/// let client = LLMClient()
/// let answer = try await client.complete(LLMRequest(provider: "openai", model: "gpt-4o", prompt: "Hello"))
/// ```
public struct LLMClient: Sendable {
    private let environment: [String: String]
    private let call: ProviderCall
    private let tracer: any Tracer
    private let logger: Logger
    private let notices = FallbackNotices()

    /// - Parameters:
    ///   - environment: where provider keys and base URLs are read (see ``LLMProviderConfiguration``).
    ///   - httpClient: the HTTP client requests go through.
    ///   - tracer: where the span of each call goes.
    ///   - logger: for the fallback notice (once per provider) and retries.
    ///   - retry: how failed attempts are retried.
    ///   - timeout: the most one attempt may take, from connecting to the answer's last byte.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                httpClient: HTTPClient = .shared,
                tracer: any Tracer = InstrumentationSystem.tracer,
                logger: Logger = Logger(label: "hexr.llm"),
                retry: LLMRetryPolicy = .default,
                timeout: Duration = .seconds(60)) {
        self.environment = environment
        call = ProviderCall(httpClient: httpClient, retry: retry, timeout: timeout, logger: logger)
        self.tracer = tracer
        self.logger = logger
    }

    /// Asks the provider `request` names (or the one the environment substitutes) to complete it.
    ///
    /// Records a client span `chat <model>` with the `gen_ai.*` attributes, `server.address` and
    /// `server.port` for HTTP providers, `hexr.llm.offline` and `hexr.llm.attempts`; a failure is
    /// recorded on it with `error.type`.
    public func complete(_ request: LLMRequest) async throws(LLMError) -> LLMResponse {
        let result = await tracer.withSpan("chat \(request.model)", ofKind: .client) { span in
            let result = await respond(to: request, span: span)
            if case .failure(let error) = result {
                span.recordError(error)
                span.attributes["error.type"] = error.errorType
                span.setStatus(SpanStatus(code: .error, message: error.description))
            }
            return result
        }
        return try result.get()
    }

    private func respond(to request: LLMRequest, span: any Span) async -> Result<LLMResponse, LLMError> {
        span.attributes["gen_ai.operation.name"] = "chat"
        span.attributes["gen_ai.request.model"] = request.model
        span.attributes["gen_ai.request.max_tokens"] = request.maxTokens
        var attempts = 0
        defer { span.attributes["hexr.llm.attempts"] = attempts }
        do throws(LLMError) {
            let configuration = try LLMProviderConfiguration(provider: request.provider, environment: environment)
            span.attributes["gen_ai.provider.name"] = configuration.provider
            span.attributes["hexr.llm.offline"] = configuration.isOffline
            if let notice = configuration.fallbackNotice, notices.isFirst(notice) {
                logger.notice("\(notice)")
            }
            if let endpoint = configuration.endpoint, let host = endpoint.host {
                span.attributes["server.address"] = host
                span.attributes["server.port"] = endpoint.port ?? (endpoint.scheme?.lowercased() == "https" ? 443 : 80)
            }
            guard request.maxTokens >= 1 else {
                throw .invalidRequest(provider: configuration.provider, detail: "maxTokens is \(request.maxTokens), below 1")
            }
            let completion: Completion
            switch configuration.backend {
            case .local:
                attempts = 1
                completion = LocalModel.complete(request)
            case .openAI(let endpoint, let apiKey):
                completion = try await call.complete(request, with: OpenAIChatCompletions(endpoint: endpoint, apiKey: apiKey),
                                                     attempts: &attempts)
            case .anthropic(let endpoint, let apiKey):
                completion = try await call.complete(request, with: AnthropicMessages(endpoint: endpoint, key: apiKey),
                                                     attempts: &attempts)
            }
            let model = completion.model ?? request.model
            span.attributes["gen_ai.response.model"] = model
            if let usage = completion.usage {
                span.attributes["gen_ai.usage.input_tokens"] = usage.inputTokens
                span.attributes["gen_ai.usage.output_tokens"] = usage.outputTokens
            }
            return .success(LLMResponse(text: completion.text, provider: configuration.provider, model: model,
                                        usage: completion.usage, isOffline: configuration.isOffline))
        } catch {
            return .failure(error)
        }
    }
}
