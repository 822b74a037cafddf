/// The canonical A2A error table (spec 1.0.1 §5.4): code, ErrorInfo reason, HTTP status, gRPC status and
/// default message.
struct A2AErrorCatalog {
    let code: Int
    let reason: String
    let httpStatus: Int
    let grpcStatus: String
    let defaultMessage: String

    static let all: [A2AErrorCatalog] = [
        .init(code: -32700, reason: "", httpStatus: 400, grpcStatus: "INVALID_ARGUMENT", defaultMessage: "Parse error"),
        .init(
            code: -32600, reason: "INVALID_REQUEST", httpStatus: 400, grpcStatus: "INVALID_ARGUMENT",
            defaultMessage: "Invalid Request"),
        .init(
            code: -32601, reason: "METHOD_NOT_FOUND", httpStatus: 404, grpcStatus: "NOT_FOUND",
            defaultMessage: "Method not found"),
        .init(
            code: -32602, reason: "INVALID_PARAMS", httpStatus: 400, grpcStatus: "INVALID_ARGUMENT",
            defaultMessage: "Invalid params"),
        .init(
            code: -32603, reason: "INTERNAL_ERROR", httpStatus: 500, grpcStatus: "INTERNAL",
            defaultMessage: "Internal error"),
        .init(
            code: -32001, reason: "TASK_NOT_FOUND", httpStatus: 404, grpcStatus: "NOT_FOUND",
            defaultMessage: "Task not found"),
        .init(
            code: -32002, reason: "TASK_NOT_CANCELABLE", httpStatus: 400, grpcStatus: "FAILED_PRECONDITION",
            defaultMessage: "Task cannot be canceled"),
        .init(
            code: -32003, reason: "PUSH_NOTIFICATION_NOT_SUPPORTED", httpStatus: 400,
            grpcStatus: "FAILED_PRECONDITION", defaultMessage: "Push notifications are not supported by the agent"),
        .init(
            code: -32004, reason: "UNSUPPORTED_OPERATION", httpStatus: 400, grpcStatus: "FAILED_PRECONDITION",
            defaultMessage: "This operation is not supported"),
        // 415, as in spec 1.0.0 and HTTP itself (1.0.1 moved it to 400); the A2A TCK (pinned to
        // 1.0.0) requires 415, and clients map REST errors by the ErrorInfo reason either way.
        .init(
            code: -32005, reason: "CONTENT_TYPE_NOT_SUPPORTED", httpStatus: 415, grpcStatus: "INVALID_ARGUMENT",
            defaultMessage: "Incompatible content types"),
        // Hexr-specific, in JSON-RPC's implementation-defined server-error range: the caller's
        // verified identity is not allowed this operation by policy.
        .init(
            code: -32040, reason: "PERMISSION_DENIED", httpStatus: 403, grpcStatus: "PERMISSION_DENIED",
            defaultMessage: "Permission denied by policy"),
        .init(
            code: -32006, reason: "INVALID_AGENT_RESPONSE", httpStatus: 500, grpcStatus: "INTERNAL",
            defaultMessage: "Invalid agent response"),
        .init(
            code: -32007, reason: "EXTENDED_AGENT_CARD_NOT_CONFIGURED", httpStatus: 400,
            grpcStatus: "FAILED_PRECONDITION", defaultMessage: "Extended agent card is not configured"),
        .init(
            code: -32008, reason: "EXTENSION_SUPPORT_REQUIRED", httpStatus: 400, grpcStatus: "FAILED_PRECONDITION",
            defaultMessage: "A required extension is not supported by the client"),
        .init(
            code: -32009, reason: "VERSION_NOT_SUPPORTED", httpStatus: 400, grpcStatus: "FAILED_PRECONDITION",
            defaultMessage: "This A2A protocol version is not supported"),
    ]

    private static let byCode = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
    private static let byReason = Dictionary(
        uniqueKeysWithValues: all.filter { !$0.reason.isEmpty }.map { ($0.reason, $0) })

    static func entry(forCode code: Int) -> A2AErrorCatalog? {
        byCode[code]
    }

    static func entry(forReason reason: String) -> A2AErrorCatalog? {
        byReason[reason]
    }
}
