import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import HexrTransport
import NIOSSL
import SPIFFE
import Testing

/// Every way a peer can fail mTLS is refused, and the handler sees the verified peer.
@Suite struct MTLSRefusalTests {
    let domain: TestDomain
    let serverSource: StaticTLSIdentitySource

    init() throws {
        domain = try TestDomain()
        serverSource = StaticTLSIdentitySource(svid: try domain.svid("/agent/acme/server"), bundles: domain.bundles)
    }

    private func clientSource(_ svid: X509SVID) -> StaticTLSIdentitySource {
        StaticTLSIdentitySource(svid: svid, bundles: domain.bundles)
    }

    /// Sends a message with a raw client; returns whether it succeeded.
    private func rawAttempt(_ base: URL, _ security: RawTLSClientSecurity) async -> Bool {
        let transport = PooledHTTPClient(security: security)
        var card = AgentCard.minimal(name: "whoami")
        card.supportedInterfaces = [AgentInterface(url: base.absoluteString + "/a2a/jsonrpc",
                                                   protocolBinding: AgentInterface.Binding.jsonRPC, tenant: nil,
                                                   protocolVersion: "1.0")]
        guard let client = try? A2AClient(card: card, transport: transport) else { return false }
        return (try? await client.sendMessage(text: "hi")) != nil
    }

    @Test func handlerSeesTheVerifiedPeer() async throws {
        try await withMTLSServer(source: serverSource) { base, refusals in
            let alice = clientSource(try domain.svid("/agent/acme/alice"))
            let (client, _) = try mtlsClient(base, source: alice, server: .exact(try domain.id("/agent/acme/server")))
            #expect(try await whoAmI(client) == "caller=spiffe://hexr.local/agent/acme/alice")
            #expect(refusals.count == 0)
        }
    }

    @Test func plainHTTPIsRefused() async throws {
        try await withMTLSServer(source: serverSource) { base, _ in
            let plain = URL(string: base.absoluteString.replacingOccurrences(of: "https://", with: "http://"))!
            let transport = PooledHTTPClient()
            await #expect(throws: (any Error).self) {
                let response = try await transport.execute(A2AClientRequest(method: "GET",
                    url: plain.appending(path: ".well-known/agent-card.json")))
                _ = try await response.collect(upTo: 1 << 16)
                if response.status == 200 { return }
                throw FixtureError.unexpectedResponse("HTTP \(response.status)")
            }
        }
    }

    @Test func tlsWithoutClientCertificateIsRefused() async throws {
        try await withMTLSServer(source: serverSource) { base, _ in
            #expect(await rawAttempt(base, RawTLSClientSecurity(chainDER: [], privateKeyDER: nil)) == false)
        }
    }

    @Test func tls12IsRefused() async throws {
        try await withMTLSServer(source: serverSource) { base, _ in
            let alice = try domain.svid("/agent/acme/alice")
            let security = RawTLSClientSecurity(chainDER: alice.certificatesDER, privateKeyDER: alice.privateKeyDER,
                                                maximumTLSVersion: .tlsv12)
            #expect(await rawAttempt(base, security) == false)
        }
    }

    @Test func validClientCertificateWithRawClientIsAccepted() async throws {
        // The control for the raw-client refusals: the same client with a good SVID gets through.
        try await withMTLSServer(source: serverSource) { base, _ in
            let alice = try domain.svid("/agent/acme/alice")
            #expect(await rawAttempt(base, RawTLSClientSecurity(chainDER: alice.certificatesDER,
                                                                privateKeyDER: alice.privateKeyDER)))
        }
    }

    @Test func clientFromAnotherTrustDomainIsRefused() async throws {
        try await withMTLSServer(source: serverSource) { base, refusals in
            let evil = try TestDomain("evil.example")
            let mallory = try evil.svid("/agent/acme/mallory")
            #expect(await rawAttempt(base, RawTLSClientSecurity(chainDER: mallory.certificatesDER,
                                                                privateKeyDER: mallory.privateKeyDER)) == false)
            #expect(refusals.recentRefusals.contains { $0.reason.contains("evil.example") })
        }
    }

    @Test func clientFromAForeignCAWithTheSameTrustDomainIsRefused() async throws {
        try await withMTLSServer(source: serverSource) { base, refusals in
            let impostor = try TestDomain("hexr.local")
            let forged = try impostor.svid("/agent/acme/alice")
            #expect(await rawAttempt(base, RawTLSClientSecurity(chainDER: forged.certificatesDER,
                                                                privateKeyDER: forged.privateKeyDER)) == false)
            #expect(refusals.count >= 1)
        }
    }

    @Test func expiredClientCertificateIsRefused() async throws {
        let old = try TestDomain("hexr.local", createdAt: Date() - 7200)
        let source = StaticTLSIdentitySource(svid: try old.svid("/agent/acme/server"), bundles: old.bundles)
        try await withMTLSServer(source: source) { base, refusals in
            let expired = try old.svid("/agent/acme/alice", ttl: 60, now: Date() - 3600)
            #expect(await rawAttempt(base, RawTLSClientSecurity(chainDER: expired.certificatesDER,
                                                                privateKeyDER: expired.privateKeyDER)) == false)
            #expect(refusals.recentRefusals.contains { $0.reason.lowercased().contains("expired") })
        }
    }

    @Test func notYetValidClientCertificateIsRefused() async throws {
        try await withMTLSServer(source: serverSource) { base, refusals in
            let future = try domain.svid("/agent/acme/alice", ttl: 600, now: Date() + 3600)
            #expect(await rawAttempt(base, RawTLSClientSecurity(chainDER: future.certificatesDER,
                                                                privateKeyDER: future.privateKeyDER)) == false)
            #expect(refusals.recentRefusals.contains { $0.reason.contains("is not valid before") })
        }
    }

    @Test func caCertificateUsedAsClientLeafIsRefused() async throws {
        let rogue = try RogueCertificate.selfSignedCA(uri: "spiffe://hexr.local/agent/acme/alice")
        var bundle = domain.authority.bundle
        _ = bundle.addX509Authority(rogue.certificate)  // even a trusted CA may not act as a leaf
        let source = StaticTLSIdentitySource(svid: try domain.svid("/agent/acme/server"), bundles: BundleSet([bundle]))
        try await withMTLSServer(source: source) { base, refusals in
            #expect(await rawAttempt(base, RawTLSClientSecurity(chainDER: [rogue.der], privateKeyDER: rogue.keyDER))
                == false)
            #expect(refusals.count >= 1)
        }
    }

    @Test func clientRefusesAServerWithAnUnexpectedIdentity() async throws {
        try await withMTLSServer(source: serverSource) { base, serverRefusals in
            let alice = clientSource(try domain.svid("/agent/acme/alice"))
            let clientRefusals = TLSRefusalLog(logger: quietLogger)
            let (client, _) = try mtlsClient(base, source: alice, server: .exact(try domain.id("/agent/acme/bob")),
                                             refusals: clientRefusals)
            await #expect(throws: (any Error).self) { _ = try await whoAmI(client) }
            #expect(clientRefusals.recentRefusals.contains { $0.peerRole == .server })
            #expect(serverRefusals.count == 0)
        }
    }

    @Test func keepAliveAvoidsAHandshakePerMessage() async throws {
        try await withMTLSServer(source: serverSource) { base, _ in
            let alice = clientSource(try domain.svid("/agent/acme/alice"))
            let (client, transport) = try mtlsClient(base, source: alice, server: .memberOf(domain.trustDomain))
            for _ in 0..<20 { _ = try await whoAmI(client) }
            #expect(transport.openedConnections == 1)
        }
    }
}
