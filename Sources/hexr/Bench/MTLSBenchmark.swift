import A2A
import A2AHTTP
import Foundation
import HexrTransport
import SPIFFE

/// The same SendMessage load over plain HTTP and over SPIFFE mTLS, and full mTLS handshakes per
/// second (a fresh connection for every request).
struct MTLSBenchmark {
    var requests: Int
    var connections: Int
    var handshakes: Int

    struct Report {
        var plain: SendMessageBenchmark.Result
        var mtls: SendMessageBenchmark.Result
        var fresh: SendMessageBenchmark.Result
    }

    func run() async throws -> Report {
        let authority = try SigningAuthority(configuration: .init(trustDomain: try TrustDomain(parsing: "hexr.local")))
        let bundles = BundleSet([authority.bundle])
        let serverID = try SPIFFEID(parsing: "spiffe://hexr.local/agent/bench/server")
        let server = StaticTLSIdentitySource(svid: try authority.issueX509SVID(for: serverID), bundles: bundles)
        let client = StaticTLSIdentitySource(
            svid: try authority.issueX509SVID(for: try SPIFFEID(parsing: "spiffe://hexr.local/agent/bench/client")),
            bundles: bundles)
        let refusals = TLSRefusalLog(logger: SendMessageBenchmark.logger)
        let security = MTLSAgentServer.Security(source: server, refusals: refusals)
        func clientSecurity() -> SPIFFEClientSecurity {
            SPIFFEClientSecurity(source: client, refusals: refusals) { _, _ in .exact(serverID) }
        }
        let makeServer = { (service: A2AService, onListening: @escaping @Sendable (URL) async -> Void) in
            MTLSAgentServer.make(service: service, security: security, makeCard: SendMessageBenchmark.card(base:),
                                 onListening: onListening, logger: SendMessageBenchmark.logger)
        }
        let keepAlive = SendMessageBenchmark(requests: requests, connections: connections,
                                             binding: AgentInterface.Binding.jsonRPC)
        let plain = try await keepAlive.runPlain()
        let mtls = try await keepAlive.run(transport: PooledHTTPClient(security: clientSecurity()), makeServer: makeServer)
        let perHandshake = SendMessageBenchmark(requests: handshakes, connections: 4,
                                                binding: AgentInterface.Binding.jsonRPC, operation: .fetchCard)
        let fresh = try await perHandshake.run(
            transport: PooledHTTPClient(security: clientSecurity(), maxIdlePerOrigin: 0), makeServer: makeServer)
        guard refusals.count == 0 else { throw MTLSBenchmarkError.refused(refusals.recentRefusals.map(\.description)) }
        return Report(plain: plain, mtls: mtls, fresh: fresh)
    }
}

enum MTLSBenchmarkError: Error, CustomStringConvertible {
    case refused([String])

    var description: String {
        switch self {
        case .refused(let reasons): "handshakes were refused during the benchmark: \(reasons)"
        }
    }
}
