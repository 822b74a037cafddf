import A2A
import A2AHTTP
import Foundation
import Hexr
import HexrTestSupport
import HexrTransport
import SPIFFE
import SPIFFEWorkloadAPI
import Testing
import X509

/// Rotation under load through the production route: the embedded Workload API server issues SVIDs with a
/// short TTL and pushes every renewal (and a CA rotation) to `X509Source`s; the mTLS server and the clients
/// take their TLS identity from those sources (`X509Source: TLSIdentitySource`, Sources/Hexr).
@Suite(.timeLimit(.minutes(1)))
struct MTLSWorkloadAPIRotationTests {
    /// SVID lifetime: renewed at about half of it, so a renewal every ~2 s.
    static let svidTTL: TimeInterval = 4
    /// The run lasts at least this long, and stops at the latest at `longestRun`.
    static let shortestRun: Duration = .seconds(6)
    static let longestRun: Duration = .seconds(15)
    /// A safety bound on the requests of one sender.
    static let maxRequestsPerSender = 30_000

    /// Rule: rotations pushed by the Workload API apply to the next handshake without a single failed
    /// request — on long-lived keep-alive connections, on a handshake per request and on brand-new clients —
    /// and they really happen during the run: clients see at least 3 different server leaves (the first SVID
    /// and ≥ 2 rotations), signed by both the old and the new CA.
    @Test func workloadAPIRotationUnderLoadLosesNoRequest() async throws {
        let domain = try TestDomain()
        let api = try EmbeddedWorkloadAPI(domain: domain)
        // One process in this test: server and client get the same registration (as two replicas would).
        let path = "/agent/acme/rotating"
        let selfID = try domain.id(path)
        try api.registerSelf(path, ttl: Self.svidTTL)
        try await api.withSources(2) { sources in
            let serverSource = sources[0]
            let clientSource = sources[1]
            let firstGeneration = try clientSource.currentContextAndGeneration().generation
            try await withMTLSServer(source: serverSource) { base, refusals in
                let clientRefusals = TLSRefusalLog(logger: quietLogger)
                let seen = SeenPeerCertificates()
                let expected = "caller=\(selfID)"
                let sent = Counter()
                let newClients = Counter()
                let failures = FailureLog()
                let stop = StopFlag()

                @Sendable func attempt(_ a2a: A2AClient) async {
                    do {
                        let answer = try await whoAmI(a2a)
                        if answer != expected { failures.record("unexpected answer: \(answer)") }
                    } catch {
                        failures.record(String(describing: error))
                    }
                    sent.increment()
                }

                // Keep-alive connections never closed by the client: they stay open across every rotation.
                let (longLived, longLivedTransport) = try observedMTLSClient(
                    base, source: clientSource, server: .exact(selfID), refusals: clientRefusals, seen: seen)
                // No idle pool: a full handshake for every request.
                let (perRequest, perRequestTransport) = try observedMTLSClient(
                    base, source: clientSource, server: .exact(selfID), refusals: clientRefusals, seen: seen,
                    maxIdlePerOrigin: 0)

                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<2 {
                        group.addTask {
                            var mine = 0
                            while !stop.isSet && mine < Self.maxRequestsPerSender {
                                await attempt(longLived)
                                mine += 1
                            }
                        }
                    }
                    group.addTask {
                        var mine = 0
                        while !stop.isSet && mine < Self.maxRequestsPerSender {
                            await attempt(perRequest)
                            mine += 1
                        }
                    }
                    // A brand-new client (own security, own TLS context cache) for every two requests: one
                    // handshake, then one request on its pooled connection.
                    group.addTask {
                        var mine = 0
                        while !stop.isSet && mine < Self.maxRequestsPerSender {
                            let (a2a, transport) = try observedMTLSClient(
                                base, source: clientSource, server: .exact(selfID), refusals: clientRefusals,
                                seen: seen)
                            await attempt(a2a)
                            await attempt(a2a)
                            await transport.closeIdleConnections()
                            newClients.increment()
                            mine += 2
                        }
                    }
                    // The conductor: rotates the CA (prepare, then activate: SVIDs re-issued by the new CA) while
                    // the TTL renews the SVIDs, and stops the senders once the rotations were seen by clients.
                    group.addTask {
                        defer { stop.set() }
                        let start = ContinuousClock.now
                        var prepared = false
                        var activated = false
                        while true {
                            try await Task.sleep(for: .milliseconds(100))
                            let elapsed = ContinuousClock.now - start
                            if !prepared && elapsed >= .milliseconds(1500) {
                                try api.provider.prepareNextAuthority()
                                prepared = true
                            }
                            if !activated && elapsed >= .seconds(3) {
                                try api.provider.activateNextAuthority()
                                activated = true
                            }
                            if elapsed >= Self.longestRun { return }
                            if activated && elapsed >= Self.shortestRun && seen.distinctCount >= 3 { return }
                        }
                    }
                    try await group.waitForAll()
                }
                await longLivedTransport.closeIdleConnections()
                await perRequestTransport.closeIdleConnections()

                let leaves = try seen.distinctLeaves()
                let issuers = Set(leaves.map(\.issuer))
                #expect(failures.count == 0, "\(failures.count) of \(sent.value) failed: \(failures.firstReasons)")
                #expect(refusals.count == 0, "server refusals: \(refusals.recentRefusals)")
                #expect(clientRefusals.count == 0, "client refusals: \(clientRefusals.recentRefusals)")
                #expect(sent.value >= 100, "requests sent: \(sent.value)")
                #expect(perRequestTransport.openedConnections >= 20, "handshakes per request")
                #expect(newClients.value >= 10, "brand-new clients")
                // Rotation really happened and reached the handshakes.
                #expect(leaves.count >= 3, "distinct server leaves seen by clients: \(leaves.map(\.serialNumber))")
                #expect(issuers.count >= 2, "server leaves of both CAs seen: \(issuers)")
                let generation = try clientSource.currentContextAndGeneration().generation
                #expect(generation >= firstGeneration + 2, "the client's own SVID rotated too")
                #expect(seen.handshakes >= perRequestTransport.openedConnections)
            }
        }
    }
}
