import Foundation

/// The human-readable reason in a provider's error body: `error.message` in the JSON both OpenAI
/// and Anthropic send, else the body's text (shortened), else the bare status.
func providerErrorMessage(status: Int, body: Data) -> String {
    struct Envelope: Decodable {
        struct Detail: Decodable { let message: String? }
        let error: Detail?
    }
    if let message = (try? JSONDecoder().decode(Envelope.self, from: body))?.error?.message, !message.isEmpty {
        return message
    }
    let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else { return "HTTP \(status) with an empty body" }
    return text.count > 300 ? String(text.prefix(300)) + "…" : text
}
