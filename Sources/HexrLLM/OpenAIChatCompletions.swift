import Foundation

/// OpenAI's Chat Completions API, as spoken by OpenAI and compatible servers:
/// `POST <base>/chat/completions` with a bearer token when a key is set.
struct OpenAIChatCompletions: ProviderAPI {
    let endpoint: URL
    let apiKey: APIKey?

    var name: String { "openai" }
    var apiKeyVariable: String { "OPENAI_API_KEY" }

    var headers: [(name: String, value: String)] {
        var headers = [(name: "Content-Type", value: "application/json")]
        if let apiKey { headers.append((name: "Authorization", value: "Bearer \(apiKey.value)")) }
        return headers
    }

    private struct Body: Encodable {
        struct Message: Encodable {
            let role: String
            let content: String
        }

        let model: String
        let messages: [Message]
        let maxTokens: Int
    }

    private struct Answer: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable { let content: String }
            let message: Message
        }

        struct Usage: Decodable {
            let promptTokens: Int
            let completionTokens: Int
        }

        let model: String?
        let choices: [Choice]
        let usage: Usage?
    }

    func body(for request: LLMRequest) throws -> Data {
        var messages: [Body.Message] = []
        if let system = request.system { messages.append(.init(role: "system", content: system)) }
        messages.append(.init(role: "user", content: request.prompt))
        return try encode(Body(model: request.model, messages: messages, maxTokens: request.maxTokens))
    }

    func completion(from body: Data) throws(LLMError) -> Completion {
        let answer = try decode(Answer.self, from: body)
        guard let choice = answer.choices.first else {
            throw .invalidResponse(provider: name, detail: "the answer has no choices")
        }
        return Completion(text: choice.message.content, model: answer.model,
                          usage: answer.usage.map { LLMUsage(inputTokens: $0.promptTokens, outputTokens: $0.completionTokens) })
    }
}
