import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import HexrTransport
import SPIFFE
import Testing
import X509

/// Validity is checked at every handshake, not remembered from an earlier one.
@Suite(.timeLimit(.minutes(1)))
struct MTLSExpiryTests {
    /// A client SVID that was accepted while valid (on a first and on a second, cached handshake) is refused
    /// at the next handshake once it has expired — on the same pooled client after its idle connections are
    /// closed, and on a brand-new client — and the server records expiry as the reason. A renewed SVID is
    /// accepted again (so the refusal was about expiry, nothing else).
    @Test func expiredClientCertificateIsRefusedAtTheNextHandshake() async throws {
        let domain = try TestDomain()
        let serverID = try domain.id("/agent/acme/server")
        let server = StaticTLSIdentitySource(svid: try domain.svid("/agent/acme/server"), bundles: domain.bundles)
        try await withMTLSServer(source: server) { base, refusals in
            // Issued once the server is up, so that a slow start on a loaded machine does not eat the TTL.
            let shortLived = try domain.svid("/agent/acme/alice", ttl: 6)
            // The expiry as the server reads it from the presented DER (whole seconds).
            let notAfter = try Certificate(derEncoded: shortLived.certificatesDER[0]).notValidAfter
            let alice = StaticTLSIdentitySource(svid: shortLived, bundles: domain.bundles)
            let (a2a, transport) = try mtlsClient(base, source: alice, server: .exact(serverID))
            #expect(try await whoAmI(a2a) == "caller=spiffe://hexr.local/agent/acme/alice")
            // A second full handshake with the same chain while it is valid (the verified-chain cache's hit).
            await transport.closeIdleConnections()
            #expect(try await whoAmI(a2a) == "caller=spiffe://hexr.local/agent/acme/alice")
            try #require(Date() < notAfter, "the first requests must run while the SVID is still valid")
            #expect(refusals.count == 0, "\(refusals.recentRefusals)")
            #expect(transport.openedConnections == 2)

            // Wait until the SVID has expired (bounded: it was issued with a 6 s TTL).
            let remaining = notAfter.timeIntervalSinceNow + 1
            try #require(remaining < 8)
            if remaining > 0 { try await Task.sleep(for: .seconds(remaining)) }

            // The pool is emptied: the next request needs a new handshake, which must be refused.
            await transport.closeIdleConnections()
            await #expect(throws: (any Error).self) { _ = try await whoAmI(a2a) }
            let expiredOnce = await eventually {
                refusals.recentRefusals.contains {
                    $0.peerRole == .client && $0.reason.hasPrefix("leaf certificate expired at")
                }
            }
            #expect(expiredOnce, "refusals: \(refusals.recentRefusals)")

            // A brand-new client holding the same expired SVID is refused in the same way.
            let before = refusals.recentRefusals.filter { $0.reason.hasPrefix("leaf certificate expired at") }.count
            let (fresh, _) = try mtlsClient(base, source: alice, server: .exact(serverID))
            await #expect(throws: (any Error).self) { _ = try await whoAmI(fresh) }
            let expiredTwice = await eventually {
                refusals.recentRefusals.filter { $0.reason.hasPrefix("leaf certificate expired at") }.count > before
            }
            #expect(expiredTwice, "refusals: \(refusals.recentRefusals)")

            // Control: the same client with a renewed SVID gets through again.
            alice.update(svid: try domain.svid("/agent/acme/alice"))
            await transport.closeIdleConnections()
            do {
                #expect(try await whoAmI(a2a) == "caller=spiffe://hexr.local/agent/acme/alice")
            } catch {
                Issue.record("the renewed SVID was refused: \(error); refusals: \(refusals.recentRefusals)")
            }
            await transport.closeIdleConnections()
        }
    }
}
