import Foundation
import SPIFFE

/// X.509-SVID issuance (fresh P-256 key + signature) per second, on `workers` concurrent tasks.
struct SVIDIssuanceBenchmark {
    var count: Int
    var workers: Int

    func run() async throws -> (issued: Int, elapsed: Duration) {
        let authority = try SigningAuthority(configuration: .init(trustDomain: try TrustDomain(parsing: "hexr.local")))
        let id = try SPIFFEID(parsing: "spiffe://hexr.local/agent/bench/worker")
        let each = max(1, count / workers)
        _ = try authority.issueX509SVID(for: id)  // warm-up
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<workers {
                group.addTask {
                    for _ in 0..<each { _ = try authority.issueX509SVID(for: id) }
                }
            }
            try await group.waitForAll()
        }
        return (each * workers, ContinuousClock.now - start)
    }
}
