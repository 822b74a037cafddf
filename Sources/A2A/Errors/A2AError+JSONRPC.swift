/// The JSON-RPC 2.0 `error` member:
/// `{"code":-32001,"message":"…","data":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo",…}]}`.
extension A2AError {
    /// Reads a JSON-RPC error object. `data` may be absent, an array of `google.rpc` details (v1.0), or a
    /// free-form object (v0.3); without an ErrorInfo the reason is the canonical one for the code.
    /// `nil` when the value is not an object with an integer `code`.
    public init?(jsonRPCError value: JSONValue) {
        guard let wideCode = value["code"]?.int64Value, let code = Int(exactly: wideCode) else { return nil }
        let info = ErrorInfoDetail(value["data"])
        self.init(
            code: code, message: value["message"]?.stringValue ?? "", reason: info.reason, metadata: info.metadata)
    }

    /// Writes the error object; `data` (one ErrorInfo) is present when the error has a reason.
    func writeJSONRPCError(into writer: inout JSONWriter) {
        writer.raw("{\"code\":")
        writer.integer(code)
        writer.raw(",")
        writer.member("message", message)
        if !reason.isEmpty {
            writer.raw(",\"data\":[")
            ErrorInfoDetail.write(reason: reason, metadata: metadata, into: &writer)
            writer.raw("]")
        }
        writer.raw("}")
    }
}
