import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import HexrTransport
import SPIFFE
import Synchronization
import Testing

/// Rotation without disruption: SVIDs (short TTL) and the CA rotate while a client sends
/// continuously, over pooled and fresh connections; no request fails.
@Suite struct MTLSRotationTests {
    @Test func rotationUnderLoadLosesNoRequest() async throws {
        let domain = try TestDomain()
        let serverID = "/agent/acme/server"
        let clientID = "/agent/acme/alice"
        let server = StaticTLSIdentitySource(svid: try domain.svid(serverID, ttl: 120), bundles: domain.bundles)
        let client = StaticTLSIdentitySource(svid: try domain.svid(clientID, ttl: 120), bundles: domain.bundles)
        try await withMTLSServer(source: server) { base, refusals in
            let (pooled, transport) = try mtlsClient(base, source: client, server: .exact(try domain.id(serverID)))
            // A second client opens a fresh connection (a full handshake) for every request.
            let (fresh, freshTransport) = try mtlsClient(base, source: client, server: .exact(try domain.id(serverID)),
                                                         maxIdlePerOrigin: 0)
            let failures = Counter()
            let sent = Counter()
            let rotated = Counter()
            try await withThrowingTaskGroup(of: Void.self) { group in
                // Two keep-alive senders and one handshake-per-request sender, back to back, until the
                // rotation is over and each has sent at least 20 requests (bounded: at most 5,000).
                for a2a in [pooled, pooled, fresh] {
                    group.addTask {
                        var mine = 0
                        while (rotated.value == 0 || mine < 20) && mine < 5_000 {
                            do {
                                _ = try await whoAmI(a2a)
                            } catch {
                                failures.increment()
                            }
                            sent.increment()
                            mine += 1
                        }
                    }
                }
                // The rotator: new SVIDs every 150 ms, a CA rotation half way, idle connections
                // dropped now and then so fresh handshakes happen under the new material.
                group.addTask {
                    for round in 0..<18 {
                        try await Task.sleep(for: .milliseconds(150))
                        if round == 6 {
                            try domain.authority.prepareNextAuthority()
                            server.update(bundles: domain.bundles)
                            client.update(bundles: domain.bundles)
                        }
                        if round == 9 { try domain.authority.activateNextAuthority() }
                        server.update(svid: try domain.svid(serverID, ttl: 120))
                        client.update(svid: try domain.svid(clientID, ttl: 120))
                        if round.isMultiple(of: 3) { await transport.closeIdleConnections() }
                    }
                    rotated.increment()
                }
                try await group.waitForAll()
            }
            #expect(sent.value >= 60)
            #expect(failures.value == 0)
            #expect(refusals.count == 0, "\(refusals.recentRefusals)")
            #expect(freshTransport.openedConnections > 10, "fresh handshakes happened during rotation")
            #expect(transport.openedConnections >= 1)
        }
    }

    @Test func newHandshakesPresentTheRotatedSVID() async throws {
        let domain = try TestDomain()
        let server = StaticTLSIdentitySource(svid: try domain.svid("/agent/acme/server"), bundles: domain.bundles)
        try await withMTLSServer(source: server) { base, _ in
            let first = StaticTLSIdentitySource(svid: try domain.svid("/agent/acme/alice"), bundles: domain.bundles)
            let (a2a, transport) = try mtlsClient(base, source: first, server: .memberOf(domain.trustDomain))
            #expect(try await whoAmI(a2a) == "caller=spiffe://hexr.local/agent/acme/alice")
            first.update(svid: try domain.svid("/agent/acme/alice/worker-2"))
            // The pooled connection keeps its session …
            #expect(try await whoAmI(a2a) == "caller=spiffe://hexr.local/agent/acme/alice")
            // … a new one presents the new SVID.
            await transport.closeIdleConnections()
            #expect(try await whoAmI(a2a) == "caller=spiffe://hexr.local/agent/acme/alice/worker-2")
        }
    }

    @Test func bundleSwappedToAForeignCARefusesTheNextHandshake() async throws {
        let domain = try TestDomain()
        let foreign = try TestDomain()
        let server = StaticTLSIdentitySource(svid: try domain.svid("/agent/acme/server"), bundles: domain.bundles)
        try await withMTLSServer(source: server) { base, refusals in
            let alice = StaticTLSIdentitySource(svid: try domain.svid("/agent/acme/alice"), bundles: domain.bundles)
            let (a2a, transport) = try mtlsClient(base, source: alice, server: .memberOf(domain.trustDomain))
            _ = try await whoAmI(a2a)
            server.update(bundles: foreign.bundles)
            await transport.closeIdleConnections()
            await #expect(throws: (any Error).self) { _ = try await whoAmI(a2a) }
            #expect(refusals.count >= 1)
            server.update(bundles: domain.bundles)
            await transport.closeIdleConnections()
            #expect(try await whoAmI(a2a) == "caller=spiffe://hexr.local/agent/acme/alice")
        }
    }
}

/// A counter shared by concurrent test tasks.
final class Counter: Sendable {
    private let count = Atomic<Int>(0)
    func increment() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}
