import Foundation

/// A JSON-RPC 2.0 response read on the client side: its id and either the decoded result or the
/// agent's error.
public struct JSONRPCResponseEnvelope<Success: Decodable> {
    public let id: JSONRPCID
    public let result: Result<Success, A2AError>

    /// Decodes a response body. A body that is not a JSON-RPC 2.0 response, or whose `result` does not
    /// decode as `Success`, throws `invalidAgentResponse` naming the problem. An `error` member wins over
    /// a `null` `result` (some servers send both).
    public init(decoding data: Data) throws(A2AError) {
        let wire: ResponseWire<Success>
        do {
            wire = try A2AJSON.decode(ResponseWire<Success>.self, from: data)
        } catch let problem as MalformedResponse {
            throw A2AError.invalidAgentResponse("Invalid agent response: \(problem.reason)")
        } catch {
            throw A2AError.invalidAgentResponse(describing: error)
        }
        id = wire.id
        result = wire.result
    }

    /// Decodes a response body straight into its outcome; malformed bodies become `invalidAgentResponse`.
    public static func decodeResult(_ data: Data) -> Result<Success, A2AError> {
        do {
            return try JSONRPCResponseEnvelope(decoding: data).result
        } catch {
            return .failure(error)
        }
    }
}

extension JSONRPCResponseEnvelope: Sendable where Success: Sendable {}

/// A response object that breaks the JSON-RPC 2.0 envelope rules.
private struct MalformedResponse: Error {
    let reason: String
}

/// The wire shape of a response, checked before `result` is decoded. `result` is decoded whenever the
/// member is present, even as `null`, so that types such as `EmptyResponse` can accept a `null` result.
private struct ResponseWire<Success: Decodable>: Decodable {
    let id: JSONRPCID
    let result: Result<Success, A2AError>

    init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        guard try fields.decode(String.self, "jsonrpc") == "2.0" else {
            throw MalformedResponse(reason: "'jsonrpc' must be \"2.0\"")
        }
        id = try fields.decode(JSONRPCID.self, "id") ?? .null
        let resultKey = fields.keyIncludingNull("result")
        let resultIsNull = try resultKey.map { try fields.container.decodeNil(forKey: $0) } ?? true
        if let error = try fields.decode(JSONValue.self, "error") {
            guard resultIsNull else { throw MalformedResponse(reason: "both 'result' and 'error' are present") }
            guard let agentError = A2AError(jsonRPCError: error) else {
                throw MalformedResponse(reason: "'error' has no integer 'code'")
            }
            result = .failure(agentError)
        } else if let resultKey {
            result = .success(try fields.container.decode(Success.self, forKey: resultKey))
        } else {
            throw MalformedResponse(reason: "neither 'result' nor 'error' is present")
        }
    }
}
