import A2A
import A2AHTTP
import Foundation
import HexrTransport
import SPIFFE

/// A trust domain for benchmarks: a server and a client SVID, and the mTLS pieces built from them.
struct BenchmarkIdentities {
    let authority: SigningAuthority
    let serverID: SPIFFEID
    let clientID: SPIFFEID
    let server: StaticTLSIdentitySource
    let client: StaticTLSIdentitySource
    let refusals = TLSRefusalLog(logger: SendMessageBenchmark.logger)

    init() throws {
        authority = try SigningAuthority(configuration: .init(trustDomain: try TrustDomain(parsing: "hexr.local")))
        let bundles = BundleSet([authority.bundle])
        serverID = try SPIFFEID(parsing: "spiffe://hexr.local/agent/bench/server")
        clientID = try SPIFFEID(parsing: "spiffe://hexr.local/agent/bench/client")
        server = StaticTLSIdentitySource(svid: try authority.issueX509SVID(for: serverID), bundles: bundles)
        client = StaticTLSIdentitySource(svid: try authority.issueX509SVID(for: clientID), bundles: bundles)
    }

    /// A client pool presenting the client SVID and accepting only the server's ID.
    func clientPool(maxIdlePerOrigin: Int = 16) -> PooledHTTPClient {
        let serverID = self.serverID
        return PooledHTTPClient(security: SPIFFEClientSecurity(source: client, refusals: refusals) { _, _ in .exact(serverID) },
                                maxIdlePerOrigin: maxIdlePerOrigin)
    }

    /// The mTLS agent server for `service`.
    func server(_ service: A2AService, onListening: @escaping @Sendable (URL) async -> Void) -> A2AAgentServer {
        MTLSAgentServer.make(service: service, security: MTLSAgentServer.Security(source: server, refusals: refusals),
                             makeCard: SendMessageBenchmark.card(base:), onListening: onListening,
                             logger: SendMessageBenchmark.logger)
    }

    /// Throws when any handshake was refused during the run.
    func checkNoRefusals() throws {
        guard refusals.count == 0 else { throw MTLSBenchmarkError.refused(refusals.recentRefusals.map(\.description)) }
    }
}
