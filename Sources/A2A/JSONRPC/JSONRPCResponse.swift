import Foundation

/// Builds JSON-RPC 2.0 response bodies (also used as the `data:` of JSON-RPC SSE events).
public enum JSONRPCResponse {
    /// `{"jsonrpc":"2.0","id":…,"result":…}`. A result that cannot be encoded (only possible for a
    /// non-finite number inside a `JSONValue`) yields an `internalError` response for the same id instead.
    public static func success<Result: Encodable>(id: JSONRPCID, result: Result) -> Data {
        let encoded: Data
        do {
            encoded = try A2AJSON.encode(result)
        } catch {
            return failure(id: id, error: .internalError("Could not encode the result: \(error)"))
        }
        var writer = JSONWriter(capacity: encoded.count + 40)
        writer.raw("{\"jsonrpc\":\"2.0\",\"id\":")
        id.write(into: &writer)
        writer.raw(",\"result\":")
        writer.raw(encoded)
        writer.raw("}")
        return writer.data
    }

    /// `{"jsonrpc":"2.0","id":…,"error":{"code":…,"message":…,"data":[ErrorInfo]}}`.
    public static func failure(id: JSONRPCID, error: A2AError) -> Data {
        var writer = JSONWriter()
        writer.raw("{\"jsonrpc\":\"2.0\",\"id\":")
        id.write(into: &writer)
        writer.raw(",\"error\":")
        error.writeJSONRPCError(into: &writer)
        writer.raw("}")
        return writer.data
    }

    /// Decodes a response body into its outcome: the `result` as `T`, the agent's error, or
    /// `invalidAgentResponse` when the body is not a valid JSON-RPC 2.0 response for `T`. Use
    /// `JSONRPCResponseEnvelope` to tell a malformed body (thrown) from an agent error and to read the id.
    public static func decode<T: Decodable>(_ type: T.Type, from body: Data) -> Result<T, A2AError> {
        JSONRPCResponseEnvelope<T>.decodeResult(body)
    }
}
