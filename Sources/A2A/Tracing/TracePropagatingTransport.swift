import Tracing

/// An HTTP transport that adds the current trace context (`traceparent`) to every request, so the
/// agent on the other side continues the caller's trace — on sends, streams, polls and cancels alike.
public struct TracePropagatingTransport: A2AHTTPTransport {
    private let base: any A2AHTTPTransport
    private let tracer: any Tracer

    public init(_ base: any A2AHTTPTransport, tracer: any Tracer) {
        self.base = base
        self.tracer = tracer
    }

    public func execute(_ request: A2AClientRequest) async throws -> A2AClientResponse {
        guard let context = ServiceContext.current else { return try await base.execute(request) }
        var request = request
        tracer.inject(context, into: &request.headers, using: HeaderListInjector())
        return try await base.execute(request)
    }
}
