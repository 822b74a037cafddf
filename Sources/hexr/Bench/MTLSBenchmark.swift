import A2A
import A2AHTTP
import Foundation

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
        let identities = try BenchmarkIdentities()
        let keepAlive = SendMessageBenchmark(requests: requests, connections: connections,
                                             binding: AgentInterface.Binding.jsonRPC)
        let plain = try await keepAlive.runPlain()
        let mtlsPool = identities.clientPool()
        let mtls = try await keepAlive.run(transport: mtlsPool, pool: mtlsPool, makeServer: identities.server)
        let perHandshake = SendMessageBenchmark(requests: handshakes, connections: 4,
                                                binding: AgentInterface.Binding.jsonRPC, operation: .fetchCard)
        let freshPool = identities.clientPool(maxIdlePerOrigin: 0)
        let fresh = try await perHandshake.run(transport: freshPool, pool: freshPool, makeServer: identities.server)
        try identities.checkNoRefusals()
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
