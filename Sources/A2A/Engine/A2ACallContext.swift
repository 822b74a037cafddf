import Tracing

/// What the transport knows about one inbound request, independent of the binding.
public struct A2ACallContext: Sendable {
    /// The authenticated caller (for Hexr: the verified SPIFFE ID of the mTLS peer), `nil` on an
    /// unauthenticated transport. Never taken from the payload.
    public var caller: String?
    /// The A2A tenant of the request (`params.tenant` or the REST path prefix), `""` when none.
    public var tenant: String
    /// Extension URIs the client asked to activate (`A2A-Extensions`).
    public var requestedExtensions: [String]
    /// Free-form values a transport or middleware attaches (e.g. a trace id).
    public var attributes: [String: String]
    /// The request's SERVER span, when the transport traces: the service names it after the A2A
    /// method and records a failure on it.
    public var span: (any Span)?

    public init(
        caller: String? = nil, tenant: String = "", requestedExtensions: [String] = [],
        attributes: [String: String] = [:], span: (any Span)? = nil
    ) {
        self.caller = caller
        self.tenant = tenant
        self.requestedExtensions = requestedExtensions
        self.attributes = attributes
        self.span = span
    }
}
