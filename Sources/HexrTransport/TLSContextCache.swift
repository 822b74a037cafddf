import NIOSSL
import SPIFFE
import Synchronization

/// Builds the `NIOSSLContext` for the current SVID once per SVID generation.
///
/// Contexts are TLS 1.3 only, present the SVID chain, require a peer certificate and leave every
/// verification to the SPIFFE callback (BoringSSL's own chain check is replaced, never relied on).
final class TLSContextCache: Sendable {
    enum Side: Sendable { case server, client }

    private let side: Side
    private let cached = Mutex<(generation: UInt64, context: NIOSSLContext)?>(nil)

    init(side: Side) {
        self.side = side
    }

    func context(for identity: TLSIdentity) throws -> NIOSSLContext {
        if let hit = cached.withLock({ $0 }), hit.generation == identity.generation { return hit.context }
        let context = try Self.makeContext(side: side, svid: identity.svid)
        cached.withLock { $0 = (identity.generation, context) }
        return context
    }

    private static func makeContext(side: Side, svid: X509SVID) throws -> NIOSSLContext {
        let chain = try svid.certificatesDER.map { NIOSSLCertificateSource.certificate(try NIOSSLCertificate(bytes: $0, format: .der)) }
        let key = NIOSSLPrivateKeySource.privateKey(try NIOSSLPrivateKey(bytes: svid.privateKeyDER, format: .der))
        var configuration: TLSConfiguration
        switch side {
        case .server:
            configuration = .makeServerConfiguration(certificateChain: chain, privateKey: key)
        case .client:
            configuration = .makeClientConfiguration()
            configuration.certificateChain = chain
            configuration.privateKey = key
        }
        configuration.minimumTLSVersion = .tlsv13
        configuration.maximumTLSVersion = .tlsv13
        // SVIDs carry a URI SAN, no DNS name: hostname checks do not apply. A peer certificate is
        // still required, and the custom callback performs the whole SPIFFE verification.
        configuration.certificateVerification = .noHostnameVerification
        // Never load the system trust store: the callback verifies against SPIFFE bundles only.
        configuration.trustRoots = .certificates([])
        // After sending close_notify, wait only briefly for the peer's: RFC 8446 §6.1 does not require
        // it, and a server that is shutting down no longer reads its idle keep-alive connections, so
        // NIOSSL's 5 s default held every graceful shutdown (hexr up, a restarting control plane) for 5 s.
        configuration.shutdownTimeout = .milliseconds(500)
        return try NIOSSLContext(configuration: configuration)
    }
}
