/// Asks a model for one completion with a client configured from the process environment, and
/// returns its text: the one-line form of ``LLMClient/complete(_:)``.
///
/// ```swift
/// let text = try await hexrLLM(provider: "openai", model: "gpt-4o", prompt: "Synthesize …")
/// ```
///
/// Without credentials for `provider` (e.g. no `OPENAI_API_KEY`), the offline local model answers
/// and a notice says which variable to set; `HEXR_LLM_PROVIDER` overrides `provider`.
/// - Parameters:
///   - provider: `openai`, `anthropic` or `local`.
///   - model: the provider's model name.
///   - prompt: the user's message.
///   - system: instructions that frame the conversation, if any.
///   - maxTokens: the most tokens the answer may take.
public func hexrLLM(provider: String, model: String, prompt: String, system: String? = nil,
                    maxTokens: Int = 1024) async throws(LLMError) -> String {
    try await LLMClient().complete(LLMRequest(provider: provider, model: model, prompt: prompt, system: system,
                                              maxTokens: maxTokens)).text
}
