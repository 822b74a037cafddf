import NIOCore

/// Holds, in an accepted connection's pipeline, the caller attested when the connection was accepted. It sits
/// behind the gRPC handlers and passes through anything that reaches it.
final class ConnectionCaller: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    let caller: Result<WorkloadCaller, AttestationError>

    init(_ caller: Result<WorkloadCaller, AttestationError>) {
        self.caller = caller
    }
}
