import Foundation

/// Builds JSON-RPC 2.0 request bodies for the client side.
public enum JSONRPCRequest {
    /// `{"jsonrpc":"2.0","id":…,"method":…,"params":…}`. Throws `internalError` if `params` cannot be encoded.
    public static func encode<Params: Encodable>(
        id: JSONRPCID, method: A2AMethod, params: Params
    ) throws(A2AError) -> Data {
        let encoded: Data
        do {
            encoded = try A2AJSON.encode(params)
        } catch {
            throw A2AError.internalError("Could not encode the params of \(method.rawValue): \(error)")
        }
        var writer = JSONWriter(capacity: encoded.count + 80)
        writer.raw("{\"jsonrpc\":\"2.0\",\"id\":")
        id.write(into: &writer)
        writer.raw(",")
        writer.member("method", method.rawValue)
        writer.raw(",\"params\":")
        writer.raw(encoded)
        writer.raw("}")
        return writer.data
    }
}
