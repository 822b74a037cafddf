import HummingbirdCore
import Logging
import NIOCore
import NIOSSL
import SPIFFE

/// A Hummingbird server child channel that speaks only TLS 1.3 with a required client
/// certificate, verified as an X.509-SVID; the verified client ID is recorded in `identities`.
///
/// Each new connection reads the current identity from the source: a rotated SVID is presented
/// from the next handshake on, and a rotated bundle applies to the next verification. Open
/// connections keep their session.
public struct SPIFFEServerTLSChannel<BaseChannel: ServerChildChannel>: ServerChildChannel {
    public typealias Value = BaseChannel.Value

    let base: BaseChannel
    let source: any TLSIdentitySource
    let authorizer: SPIFFEIDMatcher
    let identities: PeerIdentities
    let verification: SPIFFEPeerVerification
    let contexts = TLSContextCache(side: .server)

    init(base: BaseChannel, security: MTLSAgentServer.Security) {
        self.base = base
        self.source = security.source
        self.authorizer = security.clientAuthorizer
        self.identities = security.identities
        self.verification = SPIFFEPeerVerification(source: security.source, role: .client, refusals: security.refusals,
                                                    clockSkew: security.clockSkew)
    }

    public func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let context = try contexts.context(for: try source.currentIdentity())
            identities.removeOnClose(channel)
            let callback = verification.callback(channel: channel, authorizer: authorizer) { [identities] id in
                identities.set(id, for: channel)
            }
            try channel.pipeline.syncOperations.addHandlers(
                NIOSSLServerHandler(context: context, customVerificationCallbackWithMetadata: callback),
                HandshakeFailureRecorder(refusals: verification.refusals, peerRole: .client))
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }
    }

    public func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension SPIFFEServerTLSChannel: HTTPChannelHandler where BaseChannel: HTTPChannelHandler {
    public var responder: HTTPChannelHandler.Responder { base.responder }
}
