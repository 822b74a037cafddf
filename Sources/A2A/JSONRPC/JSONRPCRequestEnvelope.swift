import Foundation

/// A validated JSON-RPC 2.0 request whose `params` are kept as raw JSON until the method is known.
///
/// Parsing checks, in order: well-formed JSON (else `parseError`); a single object (an array is a batch:
/// `invalidRequest`); `jsonrpc` exactly `"2.0"`; `id` a string, integer or null (absent reads as
/// `null`); `method` a string (else `invalidRequest`) naming an A2A v1.0 method (else `methodNotFound`).
public struct JSONRPCRequestEnvelope: Sendable {
    public let id: JSONRPCID
    public let method: A2AMethod
    /// The raw `params` JSON; `nil` when absent or `null`.
    public let params: Data?

    /// An envelope built in code (e.g. in tests); `params` must be a JSON object or `nil`.
    public init(id: JSONRPCID, method: A2AMethod, params: Data?) {
        self.id = id
        self.method = method
        self.params = params
    }

    /// Parses and validates a request body; the thrown error carries the id to answer with.
    public init(parsing data: Data) throws(JSONRPCEnvelopeError) {
        var scanner = JSONScanner(data)
        let members: RequestMembers?
        do throws(JSONSyntaxError) {
            members = try RequestMembers.scan(&scanner)
        } catch {
            throw JSONRPCEnvelopeError(id: .null, error: .parseError("Invalid JSON: \(error.description)"))
        }
        guard let members else {
            throw JSONRPCEnvelopeError(id: .null, error: Self.notAnObject(data))
        }
        let id = try members.id(in: scanner)
        func invalid(_ message: String) -> JSONRPCEnvelopeError {
            JSONRPCEnvelopeError(id: id, error: .invalidRequest(message))
        }
        guard let version = members.jsonrpc, version.kind == .string, scanner.stringValue(version.range) == "2.0" else {
            throw invalid("Invalid Request: 'jsonrpc' must be exactly \"2.0\"")
        }
        guard let methodMember = members.method else { throw invalid("Invalid Request: 'method' is missing") }
        guard methodMember.kind == .string else { throw invalid("Invalid Request: 'method' must be a string") }
        let name = scanner.stringValue(methodMember.range)
        guard let method = A2AMethod(rawValue: name) else {
            throw JSONRPCEnvelopeError(id: id, error: .methodNotFound("Method not found: \(name)"))
        }
        self.id = id
        self.method = method
        if let params = members.params, params.kind != .null {
            self.params = Data(scanner.bytes[params.range])
        } else {
            self.params = nil
        }
    }

    /// Decodes `params` as `T`; failures are `invalidParams` whose message and `field` metadata name the
    /// offending field. Absent (or `null`) params are an error unless `allowingMissing`, in which case they
    /// decode as `{}`; params that are not an object are always an error.
    public func decodeParams<T: Decodable>(
        _ type: T.Type = T.self, allowingMissing: Bool = false
    ) throws(A2AError) -> T {
        guard let params else {
            guard allowingMissing else {
                throw A2AError.invalidParams("Invalid params: 'params' is required", metadata: ["field": "params"])
            }
            return try A2AJSON.decodeValidated(type, from: Data("{}".utf8))
        }
        guard params.first == UInt8(ascii: "{") else {
            throw A2AError.invalidParams("Invalid params: 'params' must be a JSON object", metadata: ["field": "params"])
        }
        return try A2AJSON.decodeValidated(type, from: params)
    }

    private static func notAnObject(_ data: Data) -> A2AError {
        let first = data.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if first == UInt8(ascii: "[") {
            return .invalidRequest("Invalid Request: batch requests are not supported")
        }
        return .invalidRequest("Invalid Request: the request must be a JSON object")
    }
}
