/// What one provider answered, before it becomes an ``LLMResponse``.
struct Completion: Sendable, Hashable {
    var text: String
    /// The model as reported; nil when the provider did not say.
    var model: String?
    var usage: LLMUsage?
}
