import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import HexrTransport
import NIOCore
import NIOSSL
import SPIFFE
import Synchronization
import X509

/// The certificates servers presented to clients: one entry per completed client handshake.
final class SeenPeerCertificates: Sendable {
    private let state = Mutex<(handshakes: Int, leaves: Set<[UInt8]>)>((0, []))

    func record(_ der: [UInt8]) {
        state.withLock { state in
            state.handshakes += 1
            state.leaves.insert(der)
        }
    }

    /// How many handshakes completed with a peer certificate.
    var handshakes: Int { state.withLock { $0.handshakes } }

    /// How many different peer leaves were seen.
    var distinctCount: Int { state.withLock { $0.leaves.count } }

    /// The different peer leaves seen, parsed.
    func distinctLeaves() throws -> [Certificate] {
        try state.withLock { $0.leaves }.map { try Certificate(derEncoded: $0) }
    }
}

/// Wraps a client security (normally ``SPIFFEClientSecurity``) and records the certificate the server
/// presented on every connection that completes its handshake.
struct ObservingClientSecurity: HTTPClientChannelSecurity {
    let base: any HTTPClientChannelSecurity
    let seen: SeenPeerCertificates

    func addHandlers(to channel: any Channel, host: String, port: Int) throws {
        try base.addHandlers(to: channel, host: host, port: port)
        try channel.pipeline.syncOperations.addHandler(PeerCertificateRecorder(seen: seen))
    }
}

/// Sits right after the TLS handler; reads the peer's leaf once the handshake is done (the handshake-completed
/// user event, or at the latest the first decrypted bytes) and passes everything on unchanged.
final class PeerCertificateRecorder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let seen: SeenPeerCertificates
    private var recorded = false

    init(seen: SeenPeerCertificates) {
        self.seen = seen
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        recordPeer(context)
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        recordPeer(context)
        context.fireChannelRead(data)
    }

    private func recordPeer(_ context: ChannelHandlerContext) {
        guard !recorded, let peer = try? context.pipeline.syncOperations.nioSSL_peerCertificate(),
              let der = try? peer.toDERBytes()
        else { return }
        recorded = true
        seen.record(der)
    }
}

@available(*, unavailable)
extension PeerCertificateRecorder: Sendable {}

/// Like ``mtlsClient(_:source:server:refusals:maxIdlePerOrigin:)``, recording every server certificate the
/// client's handshakes received in `seen`.
func observedMTLSClient(
    _ baseURL: URL, source: any TLSIdentitySource, server: SPIFFEIDMatcher, refusals: TLSRefusalLog,
    seen: SeenPeerCertificates, maxIdlePerOrigin: Int = 16
) throws -> (A2AClient, PooledHTTPClient) {
    let spiffe = SPIFFEClientSecurity(source: source, refusals: refusals) { _, _ in server }
    let transport = PooledHTTPClient(security: ObservingClientSecurity(base: spiffe, seen: seen),
                                     maxIdlePerOrigin: maxIdlePerOrigin)
    var card = AgentCard.minimal(name: "whoami")
    card.supportedInterfaces = [AgentInterface(url: baseURL.absoluteString + "/a2a/jsonrpc",
                                               protocolBinding: AgentInterface.Binding.jsonRPC, tenant: nil,
                                               protocolVersion: "1.0")]
    return (try A2AClient(card: card, transport: transport), transport)
}
