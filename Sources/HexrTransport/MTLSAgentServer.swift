import A2A
import A2AHTTP
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import SPIFFE

/// An A2A agent served only over SPIFFE mTLS.
///
/// Every connection must present a valid X.509-SVID of a trust domain in the source's bundles
/// (and, if given, one the `clientAuthorizer` accepts); the verified SPIFFE ID becomes the
/// `caller` of every request on that connection. The payload can never set or change it.
public enum MTLSAgentServer {
    /// Everything the mTLS layer shares with its owner.
    public struct Security: Sendable {
        public let source: any TLSIdentitySource
        public let identities: PeerIdentities
        public let refusals: TLSRefusalLog
        public let clientAuthorizer: SPIFFEIDMatcher
        public let clockSkew: Double

        public init(source: any TLSIdentitySource, identities: PeerIdentities = PeerIdentities(),
                    refusals: TLSRefusalLog, clientAuthorizer: SPIFFEIDMatcher = .any, clockSkew: Double = 0) {
            self.source = source
            self.identities = identities
            self.refusals = refusals
            self.clientAuthorizer = clientAuthorizer
            self.clockSkew = clockSkew
        }

        /// The HTTP/1.1-over-mTLS server builder.
        public var serverBuilder: HTTPServerBuilder {
            let security = self
            return HTTPServerBuilder { responder in
                SPIFFEServerTLSChannel(base: HTTP1Channel(responder: responder), security: security)
            }
        }
    }

    /// The agent server for `service`, secured by `security`.
    public static func make(
        service: A2AService, security: Security, host: String = "127.0.0.1", port: Int = 0,
        paths: A2AServerPaths = A2AServerPaths(), maxBodyBytes: Int = 8 * 1024 * 1024,
        makeCard: (@Sendable (URL) -> AgentCard)? = nil,
        onListening: @escaping @Sendable (URL) async -> Void = { _ in },
        logger: Logger = Logger(label: "hexr.mtls-server")
    ) -> A2AAgentServer {
        let identities = security.identities
        return A2AAgentServer(
            service: service, host: host, port: port, paths: paths, maxBodyBytes: maxBodyBytes,
            serverBuilder: security.serverBuilder, scheme: "https", makeCard: makeCard, onListening: onListening,
            callContext: { context in
                guard let peer = identities.peer(of: context.channel) else {
                    throw HTTPError(.unauthorized, message: "no verified client identity on this connection")
                }
                return A2ACallContext(caller: peer.description)
            },
            logger: logger)
    }
}
