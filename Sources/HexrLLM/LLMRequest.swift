/// One completion to ask of a model: a user prompt, optionally preceded by a system prompt.
public struct LLMRequest: Sendable, Hashable {
    /// The provider to ask: `openai`, `anthropic` or `local` (see ``LLMProviderConfiguration``).
    public var provider: String
    /// The model, as the provider names it (e.g. `gpt-4o`, `claude-sonnet-4-5`).
    public var model: String
    /// The user's message.
    public var prompt: String
    /// Instructions that frame the conversation, if any.
    public var system: String?
    /// The most tokens the answer may take.
    public var maxTokens: Int

    /// - Parameters:
    ///   - provider: `openai`, `anthropic` or `local`.
    ///   - model: the provider's model name.
    ///   - prompt: the user's message.
    ///   - system: instructions that frame the conversation, if any.
    ///   - maxTokens: the most tokens the answer may take.
    public init(provider: String, model: String, prompt: String, system: String? = nil, maxTokens: Int = 1024) {
        self.provider = provider
        self.model = model
        self.prompt = prompt
        self.system = system
        self.maxTokens = maxTokens
    }
}
