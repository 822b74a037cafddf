/// One constructor per A2A / JSON-RPC error code. Each takes an optional message (defaulting to the
/// canonical one) and optional `ErrorInfo` metadata.
extension A2AError {
    /// The numeric codes, for matching (`error.code == A2AError.Code.taskNotFound`).
    public enum Code {
        public static let parseError = -32700
        public static let invalidRequest = -32600
        public static let methodNotFound = -32601
        public static let invalidParams = -32602
        public static let internalError = -32603
        public static let taskNotFound = -32001
        public static let taskNotCancelable = -32002
        public static let pushNotificationNotSupported = -32003
        public static let unsupportedOperation = -32004
        public static let contentTypeNotSupported = -32005
        public static let invalidAgentResponse = -32006
        public static let extendedAgentCardNotConfigured = -32007
        public static let extensionSupportRequired = -32008
        public static let versionNotSupported = -32009
        /// Hexr: denied by authorization policy (HTTP 403, `PERMISSION_DENIED`).
        public static let permissionDenied = -32040
    }

    /// -32700: the payload is not valid JSON.
    public static func parseError(_ message: String? = nil, metadata: [String: String] = [:]) -> A2AError {
        canonical(Code.parseError, message, metadata)
    }

    /// -32600: the JSON is not a valid request object.
    public static func invalidRequest(_ message: String? = nil, metadata: [String: String] = [:]) -> A2AError {
        canonical(Code.invalidRequest, message, metadata)
    }

    /// -32601: the method does not exist.
    public static func methodNotFound(_ message: String? = nil, metadata: [String: String] = [:]) -> A2AError {
        canonical(Code.methodNotFound, message, metadata)
    }

    /// -32602: the parameters are invalid.
    public static func invalidParams(_ message: String? = nil, metadata: [String: String] = [:]) -> A2AError {
        canonical(Code.invalidParams, message, metadata)
    }

    /// -32603: an internal error.
    public static func internalError(_ message: String? = nil, metadata: [String: String] = [:]) -> A2AError {
        canonical(Code.internalError, message, metadata)
    }

    /// -32001: the task does not exist or is not visible to the caller.
    public static func taskNotFound(_ message: String? = nil, metadata: [String: String] = [:]) -> A2AError {
        canonical(Code.taskNotFound, message, metadata)
    }

    /// -32002: the task is in a state that cannot be canceled.
    public static func taskNotCancelable(_ message: String? = nil, metadata: [String: String] = [:]) -> A2AError {
        canonical(Code.taskNotCancelable, message, metadata)
    }

    /// -32003: the agent does not support push notifications.
    public static func pushNotificationNotSupported(
        _ message: String? = nil, metadata: [String: String] = [:]
    ) -> A2AError {
        canonical(Code.pushNotificationNotSupported, message, metadata)
    }

    /// -32004: the operation is not supported (e.g. streaming not enabled, task already terminal).
    public static func unsupportedOperation(_ message: String? = nil, metadata: [String: String] = [:]) -> A2AError {
        canonical(Code.unsupportedOperation, message, metadata)
    }

    /// -32040 (Hexr): the caller's verified identity may not do this, by policy.
    public static func permissionDenied(
        _ message: String? = nil, metadata: [String: String] = [:]
    ) -> A2AError {
        canonical(Code.permissionDenied, message, metadata)
    }

    /// -32005: the requested media types are not supported.
    public static func contentTypeNotSupported(
        _ message: String? = nil, metadata: [String: String] = [:]
    ) -> A2AError {
        canonical(Code.contentTypeNotSupported, message, metadata)
    }

    /// -32006: the agent produced an invalid response.
    public static func invalidAgentResponse(_ message: String? = nil, metadata: [String: String] = [:]) -> A2AError {
        canonical(Code.invalidAgentResponse, message, metadata)
    }

    /// -32007: the extended agent card is declared but not configured.
    public static func extendedAgentCardNotConfigured(
        _ message: String? = nil, metadata: [String: String] = [:]
    ) -> A2AError {
        canonical(Code.extendedAgentCardNotConfigured, message, metadata)
    }

    /// -32008: the agent requires an extension the client did not activate.
    public static func extensionSupportRequired(
        _ message: String? = nil, metadata: [String: String] = [:]
    ) -> A2AError {
        canonical(Code.extensionSupportRequired, message, metadata)
    }

    /// -32009: the requested A2A protocol version is not supported.
    public static func versionNotSupported(_ message: String? = nil, metadata: [String: String] = [:]) -> A2AError {
        canonical(Code.versionNotSupported, message, metadata)
    }

    private static func canonical(_ code: Int, _ message: String?, _ metadata: [String: String]) -> A2AError {
        let entry = A2AErrorCatalog.entry(forCode: code)
        return A2AError(
            code: code, message: message ?? entry?.defaultMessage ?? "", reason: entry?.reason, metadata: metadata)
    }
}
