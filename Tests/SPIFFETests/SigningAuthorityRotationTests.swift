import Foundation
import Testing
import X509

@testable import SPIFFE

@Suite("Signing authority: rotation and persisted state")
struct SigningAuthorityRotationTests {
    let trustDomain = try! TrustDomain(parsing: "example.org")
    let workload = try! SPIFFEID(parsing: "spiffe://example.org/workload")
    let start = TestPKI.now
    let hour: TimeInterval = 3_600

    @Test(
        "the next CA is published before it signs, both validate during the overlap, the old one is pruned after expiry"
    )
    func rotation() async throws {
        let authority = try SigningAuthority(configuration: .init(trustDomain: trustDomain), now: start)
        let first = authority.currentAuthority
        #expect(authority.bundle.sequence == 1)
        #expect(authority.bundle.x509Authorities == [first])
        #expect(authority.bundle.refreshHint == 300)
        let firstKeyID = authority.currentJWTKeyID

        try authority.prepareNextAuthority(now: start + 12 * hour)
        let second = try #require(authority.nextAuthority)
        #expect(second != first)
        #expect(authority.bundle.x509Authorities == [first, second])
        #expect(authority.bundle.jwtAuthorities.count == 2)
        #expect(authority.bundle.sequence == 2)
        #expect(authority.currentAuthority == first)

        let overlap = start + 13 * hour
        let oldSVID = try authority.issueX509SVID(for: workload, now: overlap - 600)
        #expect(oldSVID.leaf.issuer == first.subject)
        let oldToken = try authority.issueJWTSVID(for: workload, audience: ["aud"], ttl: hour, now: overlap - 600)

        try authority.activateNextAuthority()
        #expect(authority.currentAuthority == second)
        #expect(authority.nextAuthority == nil)
        #expect(authority.currentJWTKeyID != firstKeyID)
        #expect(authority.bundle.sequence == 2)
        #expect(authority.bundle.x509Authorities == [first, second])
        let newSVID = try authority.issueX509SVID(for: workload, now: overlap)
        #expect(newSVID.leaf.issuer == second.subject)
        let newToken = try authority.issueJWTSVID(for: workload, audience: ["aud"], ttl: hour, now: overlap)

        let verifier = X509SVIDVerifier(role: .server)
        let bundle = authority.bundle
        #expect(
            try await verifier.verify(chain: oldSVID.certificates, bundles: bundle, now: overlap + 60).chain.last
                == first)
        #expect(
            try await verifier.verify(chain: newSVID.certificates, bundles: bundle, now: overlap + 60).chain.last
                == second)
        let jwtValidator = JWTSVIDValidator(audiences: ["aud"])
        #expect(try jwtValidator.validate(oldToken, bundles: bundle, now: overlap + 60).keyID == firstKeyID)
        _ = try jwtValidator.validate(newToken, bundles: bundle, now: overlap + 60)

        #expect(try authority.pruneExpired(now: start + 20 * hour) == false)
        #expect(authority.bundle.sequence == 2)
        #expect(try authority.pruneExpired(now: first.notValidAfter) == true)
        #expect(authority.bundle.x509Authorities == [second])
        #expect(authority.bundle.jwtAuthorities.keys.sorted() == [authority.currentJWTKeyID])
        #expect(authority.bundle.sequence == 3)
        #expect(throws: JWTSVIDError.unknownKeyID(firstKeyID, trustDomain)) {
            try jwtValidator.validate(oldToken, bundles: authority.bundle, now: overlap + 60)
        }
        await #expect(throws: SVIDValidationError.issuerNotFound(.leaf, issuer: first.subject.description)) {
            try await verifier.verify(chain: oldSVID.certificates, bundles: authority.bundle, now: overlap + 60)
        }
    }

    @Test("preparing twice replaces the prepared CA and bumps the sequence")
    func preparingTwice() throws {
        let authority = try SigningAuthority(configuration: .init(trustDomain: trustDomain), now: start)
        try authority.prepareNextAuthority(now: start + hour)
        let prepared = try #require(authority.nextAuthority)
        try authority.prepareNextAuthority(now: start + 2 * hour)
        #expect(authority.nextAuthority != prepared)
        #expect(authority.bundle.x509Authorities.count == 2)
        #expect(authority.bundle.sequence == 3)
    }

    @Test("exported state restores an authority whose SVIDs validate against the original bundle")
    func stateRoundTrip() async throws {
        let original = try SigningAuthority(configuration: .init(trustDomain: trustDomain, refreshHint: 60), now: start)
        try original.prepareNextAuthority(now: start + hour)
        try original.activateNextAuthority()
        try original.prepareNextAuthority(now: start + 2 * hour)
        let encoded = try JSONEncoder().encode(original.exportState())
        let state = try JSONDecoder().decode(SigningAuthority.State.self, from: encoded)
        #expect(state == original.exportState())
        #expect(state.current.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let keyBody = try #require(state.current.privateKeyPEM.split(separator: "\n").dropFirst().first)
        for text in [String(describing: state), String(reflecting: state), String(describing: state.current)] {
            #expect(!text.contains(keyBody))
            #expect(!text.contains("PRIVATE KEY"))
        }

        let restored = try SigningAuthority(state: state)
        #expect(restored.bundle == original.bundle)
        #expect(restored.currentAuthority == original.currentAuthority)
        #expect(restored.nextAuthority == original.nextAuthority)
        #expect(restored.configuration == original.configuration)

        let now = start + 3 * hour
        let svid = try restored.issueX509SVID(for: workload, now: now)
        _ = try await X509SVIDVerifier(role: .client).verify(
            chain: svid.certificates, bundles: original.bundle, now: now)
        let token = try restored.issueJWTSVID(for: workload, audience: ["aud"], now: now)
        _ = try JWTSVIDValidator(audiences: ["aud"]).validate(token, bundles: original.bundle, now: now)
    }

    @Test("inconsistent or unreadable state is refused without echoing key material")
    func badState() throws {
        let first = try SigningAuthority(configuration: .init(trustDomain: trustDomain), now: start)
        let other = try SigningAuthority(configuration: .init(trustDomain: trustDomain), now: start)
        var swappedKey = first.exportState()
        swappedKey.current.privateKeyPEM = other.exportState().current.privateKeyPEM
        #expect(throws: SigningAuthorityError.invalidState("CA key does not match its certificate")) {
            try SigningAuthority(state: swappedKey)
        }
        var garbage = first.exportState()
        garbage.current.jwtPrivateKeyPEM = "not a key"
        #expect(throws: SigningAuthorityError.invalidState("JWT private key is not a P-256 PEM key")) {
            try SigningAuthority(state: garbage)
        }
        var otherDomain = first.exportState()
        otherDomain.configuration.trustDomain = try TrustDomain(parsing: "other.test")
        #expect(throws: SigningAuthorityError.invalidState("CA certificate is not for spiffe://other.test")) {
            try SigningAuthority(state: otherDomain)
        }
        var emptyKeyID = first.exportState()
        emptyKeyID.current.jwtKeyID = ""
        #expect(throws: SigningAuthorityError.invalidState("JWT key ID is empty")) {
            try SigningAuthority(state: emptyKeyID)
        }
    }
}
