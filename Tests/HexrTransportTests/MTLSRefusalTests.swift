import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import HexrTransport
import NIOSSL
import SPIFFE
import Testing
import X509

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

    /// A plain-HTTP request to the mTLS port gets no HTTP response at all: the server closes the connection
    /// (at most after a TLS alert record), it never answers in cleartext.
    @Test func plainHTTPIsRefused() async throws {
        try await withMTLSServer(source: serverSource) { base, refusals in
            let port = try #require(base.port)
            let request = "GET /.well-known/agent-card.json HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"
            let outcome = try PlainTCPProbe.exchange(port: port, sending: Array(request.utf8), timeout: .seconds(5))
            #expect(outcome.end != .timedOut, "the server must close the connection: \(outcome)")
            #expect(!outcome.received.starts(with: Array("HTTP/".utf8)), "no HTTP response: \(outcome)")
            // Nothing, or TLS records only: a TLS alert is content type 21 with a 3.x record version.
            #expect(outcome.received.isEmpty || (outcome.received.count >= 3 && outcome.received[0] == 0x15
                && outcome.received[1] == 0x03), "only a TLS alert may come back: \(outcome)")
            // …and the server records the refusal with TLS's own reason.
            let recorded = await eventually {
                refusals.recentRefusals.contains { $0.peerRole == .client && $0.reason.hasPrefix("TLS handshake failed") }
            }
            #expect(recorded, "refusals: \(refusals.recentRefusals)")
        }
    }

    /// A TLS client presenting no certificate is refused, and the server records that no certificate was
    /// presented (not merely that something failed).
    @Test func tlsWithoutClientCertificateIsRefused() async throws {
        try await withMTLSServer(source: serverSource) { base, refusals in
            #expect(await rawAttempt(base, RawTLSClientSecurity(chainDER: [], privateKeyDER: nil)) == false)
            let recorded = await eventually {
                refusals.recentRefusals.contains { $0.peerRole == .client && Self.saysNoCertificate($0.reason) }
            }
            #expect(recorded, "refusals: \(refusals.recentRefusals)")
        }
    }

    /// Whether a refusal reason says that the peer presented no certificate: BoringSSL's reason code, or a
    /// plain-words reason of our own.
    private static func saysNoCertificate(_ reason: String) -> Bool {
        let lowered = reason.lowercased()
        return reason.contains("PEER_DID_NOT_RETURN_A_CERTIFICATE") || lowered.contains("no certificate")
            || lowered.contains("no client certificate") || lowered.contains("did not present a certificate")
            || lowered.contains("empty certificate chain")
    }

    @Test func tls12IsRefused() async throws {
        try await withMTLSServer(source: serverSource) { base, refusals in
            let alice = try domain.svid("/agent/acme/alice")
            let security = RawTLSClientSecurity(chainDER: alice.certificatesDER, privateKeyDER: alice.privateKeyDER,
                                                maximumTLSVersion: .tlsv12)
            #expect(await rawAttempt(base, security) == false)
            let recorded = await eventually {
                refusals.recentRefusals.contains { $0.peerRole == .client && $0.reason.contains("UNSUPPORTED_PROTOCOL") }
            }
            #expect(recorded, "refusals: \(refusals.recentRefusals)")
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

    /// A client SVID of a trust domain the server has no bundle for is refused for exactly that reason.
    @Test func clientFromAnotherTrustDomainIsRefused() async throws {
        try await withMTLSServer(source: serverSource) { base, refusals in
            let evil = try TestDomain("evil.example")
            let mallory = try evil.svid("/agent/acme/mallory")
            #expect(await rawAttempt(base, RawTLSClientSecurity(chainDER: mallory.certificatesDER,
                                                                privateKeyDER: mallory.privateKeyDER)) == false)
            let reason = SVIDValidationError.noBundleForTrustDomain(evil.trustDomain).description
            let recorded = await eventually {
                refusals.recentRefusals.contains { $0.peerRole == .client && $0.reason == reason }
            }
            #expect(recorded, "expected \"\(reason)\"; refusals: \(refusals.recentRefusals)")
        }
    }

    /// A client SVID naming our trust domain but signed by another CA is refused because its issuer is not an
    /// authority of our bundle (not merely "some" failure).
    @Test func clientFromAForeignCAWithTheSameTrustDomainIsRefused() async throws {
        try await withMTLSServer(source: serverSource) { base, refusals in
            let impostor = try TestDomain("hexr.local")
            let forged = try impostor.svid("/agent/acme/alice")
            #expect(await rawAttempt(base, RawTLSClientSecurity(chainDER: forged.certificatesDER,
                                                                privateKeyDER: forged.privateKeyDER)) == false)
            let issuer = try Certificate(derEncoded: forged.certificatesDER[0]).issuer
            let reason = SVIDValidationError.issuerNotFound(.leaf, issuer: issuer.description).description
            let recorded = await eventually {
                refusals.recentRefusals.contains { $0.peerRole == .client && $0.reason == reason }
            }
            #expect(recorded, "expected \"\(reason)\"; refusals: \(refusals.recentRefusals)")
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

    /// A CA certificate presented as the client leaf is refused as a CA leaf, even when that CA is trusted.
    @Test func caCertificateUsedAsClientLeafIsRefused() async throws {
        let rogue = try RogueCertificate.selfSignedCA(uri: "spiffe://hexr.local/agent/acme/alice")
        var bundle = domain.authority.bundle
        _ = bundle.addX509Authority(rogue.certificate)  // even a trusted CA may not act as a leaf
        let source = StaticTLSIdentitySource(svid: try domain.svid("/agent/acme/server"), bundles: BundleSet([bundle]))
        try await withMTLSServer(source: source) { base, refusals in
            #expect(await rawAttempt(base, RawTLSClientSecurity(chainDER: [rogue.der], privateKeyDER: rogue.keyDER))
                == false)
            let reason = SVIDValidationError.leafIsCA.description
            let recorded = await eventually {
                refusals.recentRefusals.contains { $0.peerRole == .client && $0.reason == reason }
            }
            #expect(recorded, "expected \"\(reason)\"; refusals: \(refusals.recentRefusals)")
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
            #expect(serverRefusals.count == 0, "the server refused nobody: \(serverRefusals.recentRefusals)")
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
