import NIOCore

/// Adds a security layer (TLS) to a new client connection before HTTP is set up on it.
///
/// Called on the channel's event loop; add handlers with `channel.pipeline.syncOperations`.
public protocol HTTPClientChannelSecurity: Sendable {
    func addHandlers(to channel: any Channel, host: String, port: Int) throws
}
