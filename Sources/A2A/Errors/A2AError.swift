/// An A2A protocol error: the JSON-RPC error code and message plus the `google.rpc.ErrorInfo` reason
/// and metadata that v1.0 carries in `error.data` (JSON-RPC) or `error.details` (REST).
///
/// Build one with the static constructors (`.taskNotFound()`, `.invalidParams("…")`, …). Its REST form
/// uses `httpStatus` and `grpcStatus`, taken from the A2A 1.0.1 error table.
public struct A2AError: Error, Sendable, Hashable {
    /// The JSON-RPC error code, e.g. `-32001`.
    public var code: Int
    /// A human-readable description.
    public var message: String
    /// The `ErrorInfo.reason`, e.g. `"TASK_NOT_FOUND"`; empty when the error has none (parse errors).
    public var reason: String
    /// The `ErrorInfo.metadata`.
    public var metadata: [String: String]

    /// An error with an explicit code. A `nil` reason takes the canonical reason for the code
    /// (empty for codes A2A does not define).
    public init(code: Int, message: String, reason: String? = nil, metadata: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.reason = reason ?? A2AErrorCatalog.entry(forCode: code)?.reason ?? ""
        self.metadata = metadata
    }

    /// The HTTP status of the REST (HTTP+JSON) binding: 400, 404 or 500.
    public var httpStatus: Int {
        A2AErrorCatalog.entry(forCode: code)?.httpStatus ?? 500
    }

    /// The `google.rpc.Code` name used as REST `error.status` and by gRPC, e.g. `"NOT_FOUND"`.
    public var grpcStatus: String {
        A2AErrorCatalog.entry(forCode: code)?.grpcStatus ?? "INTERNAL"
    }

    /// The `google.rpc.ErrorInfo.domain` of every A2A error.
    public static let errorDomain = "a2a-protocol.org"
}

extension A2AError: CustomStringConvertible {
    public var description: String {
        reason.isEmpty ? "A2AError \(code): \(message)" : "A2AError \(code) \(reason): \(message)"
    }
}
