/// A model's answer to an ``LLMRequest``.
public struct LLMResponse: Sendable, Hashable {
    /// The answer's text.
    public var text: String
    /// The provider that actually answered: `local` when an online provider had no credentials.
    public var provider: String
    /// The model, as the provider reported it.
    public var model: String
    /// The tokens consumed, when the provider reported them.
    public var usage: LLMUsage?
    /// Whether the answer came from the offline local model rather than a real one.
    public var isOffline: Bool

    /// - Parameters:
    ///   - text: the answer's text.
    ///   - provider: the provider that answered.
    ///   - model: the model the provider reported.
    ///   - usage: the tokens consumed, if reported.
    ///   - isOffline: whether the offline local model answered.
    public init(text: String, provider: String, model: String, usage: LLMUsage?, isOffline: Bool) {
        self.text = text
        self.provider = provider
        self.model = model
        self.usage = usage
        self.isOffline = isOffline
    }
}

/// The tokens one completion consumed, as its provider counted them.
public struct LLMUsage: Sendable, Hashable {
    /// Tokens of the prompt, system prompt included.
    public var inputTokens: Int
    /// Tokens of the answer.
    public var outputTokens: Int

    /// - Parameters:
    ///   - inputTokens: tokens of the prompt.
    ///   - outputTokens: tokens of the answer.
    public init(inputTokens: Int, outputTokens: Int) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
}
