import Foundation

/// The HTTP+JSON binding's error body, a `google.rpc.Status`:
/// `{"error":{"code":404,"status":"NOT_FOUND","message":"…","details":[{ErrorInfo}]}}`.
extension A2AError {
    /// The `google.rpc.Status` body to send with `httpStatus`.
    public var restStatusBody: Data {
        var writer = JSONWriter()
        writer.raw("{\"error\":{\"code\":")
        writer.integer(httpStatus)
        writer.raw(",")
        writer.member("status", grpcStatus)
        writer.raw(",")
        writer.member("message", message)
        if !reason.isEmpty {
            writer.raw(",\"details\":[")
            ErrorInfoDetail.write(reason: reason, metadata: metadata, into: &writer)
            writer.raw("]")
        }
        writer.raw("}}")
        return writer.data
    }

    /// Reads a `google.rpc.Status` error body; throws `invalidAgentResponse` when `body` is not one
    /// (not JSON, no `error` object, or no `message` string).
    ///
    /// The A2A code comes from the ErrorInfo `reason` when it is a known one; otherwise from the status
    /// name (or the HTTP code in `error.code`): `INVALID_ARGUMENT` → invalidParams, `NOT_FOUND` →
    /// methodNotFound, `FAILED_PRECONDITION` / `UNIMPLEMENTED` → unsupportedOperation, else internalError.
    public init(restStatusBody body: Data) throws(A2AError) {
        guard let status = (try? A2AJSON.decode(JSONValue.self, from: body))?["error"],
            let message = status["message"]?.stringValue
        else {
            throw A2AError.invalidAgentResponse("Invalid agent response: the body is not a google.rpc.Status error")
        }
        let httpStatus = status["code"]?.int64Value.flatMap { Int(exactly: $0) } ?? 500
        self.init(status: status, message: message, httpStatus: httpStatus)
    }

    /// Reads any error response of the HTTP+JSON binding: a `google.rpc.Status` body as in
    /// `init(restStatusBody:)`, or else an error derived from `httpStatus` whose message quotes the body.
    public init(restStatusBody body: Data, httpStatus: Int) {
        do {
            try self.init(restStatusBody: body)
        } catch {
            let text = String(decoding: body.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let message = text.isEmpty ? "HTTP status \(httpStatus)" : "HTTP status \(httpStatus): \(text)"
            self.init(status: [:], message: message, httpStatus: httpStatus)
        }
    }

    private init(status: JSONValue, message: String, httpStatus: Int) {
        let info = ErrorInfoDetail(status["details"])
        let statusName = status["status"]?.stringValue ?? Self.statusName(forHTTP: httpStatus)
        let code =
            info.reason.flatMap { A2AErrorCatalog.entry(forReason: $0)?.code } ?? Self.code(forStatus: statusName)
        self.init(code: code, message: message, reason: info.reason, metadata: info.metadata)
    }

    private static func statusName(forHTTP status: Int) -> String {
        switch status {
        case 400: "INVALID_ARGUMENT"
        case 404: "NOT_FOUND"
        case 501: "UNIMPLEMENTED"
        default: "INTERNAL"
        }
    }

    private static func code(forStatus status: String) -> Int {
        switch status {
        case "INVALID_ARGUMENT": Code.invalidParams
        case "NOT_FOUND": Code.methodNotFound
        case "FAILED_PRECONDITION", "UNIMPLEMENTED": Code.unsupportedOperation
        default: Code.internalError
        }
    }
}
