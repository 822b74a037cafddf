import Foundation

/// The JSON coders every A2A payload goes through.
///
/// The model types encode ProtoJSON on their own (timestamps, bytes, enums, omitted defaults), so any
/// `JSONEncoder` produces correct output; these shared, thread-safe instances add deterministic key
/// order and unescaped slashes (`"https://…"`, not `"https:\/\/…"`).
public enum A2AJSON {
    /// A shared encoder; `JSONEncoder` is thread-safe, so one instance serves every caller.
    public static let encoder: JSONEncoder = makeEncoder()

    /// A shared decoder.
    public static let decoder: JSONDecoder = makeDecoder()

    /// A new encoder with the A2A output settings (sorted keys, slashes not escaped).
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A new decoder. The model types ignore unknown fields themselves.
    public static func makeDecoder() -> JSONDecoder {
        JSONDecoder()
    }

    /// Encodes `value` as compact JSON.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try encoder.encode(value)
    }

    /// Decodes a `T` from JSON; throws `DecodingError` on bad input.
    public static func decode<T: Decodable>(_ type: T.Type = T.self, from data: Data) throws -> T {
        try decoder.decode(type, from: data)
    }

    /// Decodes a request body or `params` object, mapping failures to A2A errors:
    /// malformed JSON becomes `parseError`, a well-formed document of the wrong shape becomes
    /// `invalidParams` whose message names the offending field (e.g. `message.parts[0].text`).
    public static func decodeRequest<T: Decodable>(_ type: T.Type = T.self, from data: Data) throws(A2AError) -> T {
        do throws(JSONSyntaxError) {
            try JSONSyntax.validate(data)
        } catch {
            throw A2AError.parseError("Invalid JSON: \(error.description)")
        }
        return try decodeValidated(type, from: data)
    }

    /// Decodes JSON that is already known to be well formed; shape errors become `invalidParams`.
    static func decodeValidated<T: Decodable>(_ type: T.Type, from data: Data) throws(A2AError) -> T {
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw A2AError.invalidParams(describing: error)
        }
    }
}
