import NIOCore
import NIOSSL
import NIOTLS
import SPIFFE

/// Records handshakes that TLS itself refused before the SPIFFE verification ran: a client that
/// presents no certificate, speaks plain HTTP, or offers only TLS 1.2. Refusals by the SPIFFE
/// verification (BoringSSL's `CERTIFICATE_VERIFY_FAILED`) are already recorded, with their precise
/// reason, by `SPIFFEPeerVerification`, so they are not recorded twice; an alert received from the
/// peer is the peer refusing us, not a refusal of ours. Errors after the handshake completed are not
/// refusals and pass by unrecorded.
final class HandshakeFailureRecorder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let refusals: TLSRefusalLog
    private let peerRole: PeerRole

    init(refusals: TLSRefusalLog, peerRole: PeerRole) {
        self.refusals = refusals
        self.peerRole = peerRole
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        context.fireUserInboundEventTriggered(event)
        if case .handshakeCompleted = event as? TLSUserEvent {
            // Nothing left to record on this connection.
            context.pipeline.syncOperations.removeHandler(self, promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if case .handshakeFailed(let reason) = error as? NIOSSLError {
            let described = String(describing: reason)
            // An `…_ALERT_…` reason is the peer refusing us (it sent the alert): not our refusal.
            if !described.contains("CERTIFICATE_VERIFY_FAILED") && !described.contains("_ALERT_") {
                refusals.record(.init(peerRole: peerRole, peerAddress: context.remoteAddress?.description,
                                      reason: "TLS handshake failed: \(described)"))
            }
        }
        context.fireErrorCaught(error)
    }
}
