import Foundation

/// How one HTTP provider is spoken to: the request it wants and how its answer reads.
protocol ProviderAPI: Sendable {
    /// The provider's name, as in ``LLMResponse/provider``.
    var name: String { get }
    /// Where requests are posted.
    var endpoint: URL { get }
    /// The key sent, if any, to be kept out of messages.
    var apiKey: APIKey? { get }
    /// The environment variable that holds the key, named when the provider refuses it.
    var apiKeyVariable: String { get }
    /// The request's headers, credentials included.
    var headers: [(name: String, value: String)] { get }
    /// The JSON body for `request`.
    func body(for request: LLMRequest) throws -> Data
    /// Reads a successful answer's body.
    func completion(from body: Data) throws(LLMError) -> Completion
}

extension ProviderAPI {
    /// `body` decoded as `T` (snake_case keys), or ``LLMError/invalidResponse(provider:detail:)``.
    func decode<T: Decodable>(_ type: T.Type, from body: Data) throws(LLMError) -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(type, from: body)
        } catch {
            throw .invalidResponse(provider: name, detail: "the body is not a \(name) completion (\(Self.reason(error)))")
        }
    }

    /// `value` as JSON with snake_case keys.
    func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }

    /// A short account of a decoding failure.
    private static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted(let context)?: context.debugDescription
        case .keyNotFound(let key, let context)?:
            "no \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "\(error)"
        }
    }
}
