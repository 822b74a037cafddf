import A2AHTTP
import Logging
import NIOCore
import NIOSSL
import SPIFFE

/// mTLS for `PooledHTTPClient`: presents the workload's SVID and **authorizes the server** by its
/// SPIFFE ID — a server whose SVID chains to the bundle but names another identity is refused.
public struct SPIFFEClientSecurity: HTTPClientChannelSecurity {
    private let source: any TLSIdentitySource
    private let authorizer: @Sendable (_ host: String, _ port: Int) -> SPIFFEIDMatcher
    private let verification: SPIFFEPeerVerification
    private let contexts = TLSContextCache(side: .client)

    /// - Parameters:
    ///   - authorizer: which server identity is acceptable for a host and port (e.g. the exact ID
    ///     the registry names for that agent).
    public init(source: any TLSIdentitySource, refusals: TLSRefusalLog, clockSkew: Double = 0,
                authorizer: @escaping @Sendable (_ host: String, _ port: Int) -> SPIFFEIDMatcher) {
        self.source = source
        self.authorizer = authorizer
        self.verification = SPIFFEPeerVerification(source: source, role: .server, refusals: refusals,
                                                    clockSkew: clockSkew)
    }

    public func addHandlers(to channel: any Channel, host: String, port: Int) throws {
        let context = try contexts.context(for: try source.currentIdentity())
        let callback = verification.callback(channel: channel, authorizer: authorizer(host, port)) { _ in }
        // SNI carries a DNS name only; SVIDs are matched by SPIFFE ID, not by host name.
        let serverName = Self.isIPAddress(host) ? nil : host
        try channel.pipeline.syncOperations.addHandler(
            try NIOSSLClientHandler(context: context, serverHostname: serverName,
                                    customVerificationCallbackWithMetadata: callback))
    }

    private static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }
}
