import Foundation

/// Anthropic's Messages API: `POST <base>/v1/messages` with `x-api-key` and `anthropic-version`.
struct AnthropicMessages: ProviderAPI {
    /// The API version every request declares.
    static let version = "2023-06-01"

    let endpoint: URL
    let key: APIKey

    var name: String { "anthropic" }
    var apiKey: APIKey? { key }
    var apiKeyVariable: String { "ANTHROPIC_API_KEY" }

    var headers: [(name: String, value: String)] {
        [(name: "content-type", value: "application/json"),
         (name: "x-api-key", value: key.value),
         (name: "anthropic-version", value: Self.version)]
    }

    private struct Body: Encodable {
        struct Message: Encodable {
            let role: String
            let content: String
        }

        let model: String
        let maxTokens: Int
        let system: String?
        let messages: [Message]
    }

    private struct Answer: Decodable {
        struct Block: Decodable {
            let type: String
            let text: String?
        }

        struct Usage: Decodable {
            let inputTokens: Int
            let outputTokens: Int
        }

        let model: String?
        let content: [Block]
        let usage: Usage?
    }

    func body(for request: LLMRequest) throws -> Data {
        try encode(Body(model: request.model, maxTokens: request.maxTokens, system: request.system,
                        messages: [.init(role: "user", content: request.prompt)]))
    }

    /// The text blocks of the answer, concatenated in order; other blocks are skipped.
    func completion(from body: Data) throws(LLMError) -> Completion {
        let answer = try decode(Answer.self, from: body)
        let text = answer.content.filter { $0.type == "text" }.compactMap(\.text).joined()
        return Completion(text: text, model: answer.model,
                          usage: answer.usage.map { LLMUsage(inputTokens: $0.inputTokens, outputTokens: $0.outputTokens) })
    }
}
