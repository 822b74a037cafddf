import Hummingbird
import NIOCore

/// The Hummingbird request context of an A2A agent server.
public struct A2ARequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection the request arrived on (where a TLS layer keeps the peer's identity).
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = CoreRequestContextStorage(source: source)
        self.channel = source.channel
    }
}
