import Crypto
import Foundation
import Testing
import X509

@testable import SPIFFE

@Suite("Signing authority: profile and issuance")
struct SigningAuthorityTests {
    let trustDomain = try! TrustDomain(parsing: "example.org")
    let workload = try! SPIFFEID(parsing: "spiffe://example.org/workload")
    let now = TestPKI.now

    func authority() throws -> SigningAuthority {
        try SigningAuthority(configuration: .init(trustDomain: trustDomain), now: now)
    }

    @Test("the CA certificate has the reference profile")
    func caProfile() throws {
        let ca = try authority().currentAuthority
        #expect(ca.issuer == ca.subject)
        #expect(!ca.subject.isEmpty)
        #expect(ca.publicKey.isValidSignature(ca.signature, for: ca))
        #expect(ca.signatureAlgorithm == .ecdsaWithSHA256)
        #expect(P256.Signing.PublicKey(ca.publicKey) != nil)
        #expect(ca.notValidBefore == now - 10)
        #expect(ca.notValidAfter == now + 86_400)
        #expect(ca.extensions[oid: .X509ExtensionID.basicConstraints]?.critical == true)
        #expect(try ca.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: nil))
        #expect(ca.extensions[oid: .X509ExtensionID.keyUsage]?.critical == true)
        #expect(try ca.extensions.keyUsage == KeyUsage(keyCertSign: true, cRLSign: true))
        #expect(try ca.extensions.subjectKeyIdentifier != nil)
        #expect(ca.extensions[oid: .X509ExtensionID.subjectAlternativeName]?.critical == false)
        #expect(
            try ca.extensions.subjectAlternativeNames.map(Array.init) == [
                .uniformResourceIdentifier("spiffe://example.org")
            ])
    }

    @Test("issued X.509-SVIDs have the reference leaf profile")
    func leafProfile() throws {
        let authority = try authority()
        let svid = try authority.issueX509SVID(for: workload, now: now)
        let leaf = svid.leaf
        let ca = authority.currentAuthority
        #expect(svid.id == workload)
        #expect(svid.certificates.count == 1)
        #expect(leaf.issuer == ca.subject)
        #expect(!leaf.subject.isEmpty)
        #expect(leaf.signatureAlgorithm == .ecdsaWithSHA256)
        #expect(ca.publicKey.isValidSignature(leaf.signature, for: leaf))
        #expect(leaf.notValidBefore == now - 10)
        #expect(leaf.notValidAfter == now + 3_600)
        for _ in 0..<16 {
            let serial = try authority.issueX509SVID(for: workload, now: now).leaf.serialNumber.bytes
            let encodedOctets = serial.count + ((serial.first ?? 0) >= 0x80 ? 1 : 0)
            #expect(encodedOctets <= 20, "RFC 5280 caps serials at 20 octets including the sign octet")
            #expect(!serial.isEmpty)
        }
        #expect(leaf.extensions[oid: .X509ExtensionID.basicConstraints]?.critical == true)
        #expect(try leaf.extensions.basicConstraints == .notCertificateAuthority)
        #expect(leaf.extensions[oid: .X509ExtensionID.keyUsage]?.critical == true)
        #expect(try leaf.extensions.keyUsage == KeyUsage(digitalSignature: true))
        #expect(leaf.extensions[oid: .X509ExtensionID.extendedKeyUsage]?.critical == false)
        #expect(try leaf.extensions.extendedKeyUsage.map(Array.init) == [.serverAuth, .clientAuth])
        #expect(try leaf.extensions.subjectKeyIdentifier != nil)
        #expect(
            try leaf.extensions.authorityKeyIdentifier?.keyIdentifier
                == ca.extensions.subjectKeyIdentifier?.keyIdentifier
        )
        #expect(leaf.extensions[oid: .X509ExtensionID.subjectAlternativeName]?.critical == false)
        #expect(
            try leaf.extensions.subjectAlternativeNames.map(Array.init) == [
                .uniformResourceIdentifier(workload.description)
            ])
        #expect(svid.privateKey.publicKey == leaf.publicKey)
        #expect(try Certificate.PrivateKey(derBytes: svid.privateKeyDER) == svid.privateKey)
    }

    @Test("issued SVIDs validate with the verifier and reparse as own SVIDs")
    func issuedSVIDValidates() async throws {
        let authority = try authority()
        let svid = try authority.issueX509SVID(for: workload, now: now)
        for role in [PeerRole.client, .server] {
            let verified = try await X509SVIDVerifier(role: role).verify(
                chainDER: svid.certificatesDER, bundles: authority.bundle, now: now
            )
            #expect(verified.id == workload)
            #expect(verified.chain.last == authority.currentAuthority)
        }
        let reparsed = try X509SVID(concatenatedChainDER: svid.concatenatedChainDER, privateKeyDER: svid.privateKeyDER)
        #expect(reparsed.id == workload)
    }

    @Test("a caller-held public key can be certified")
    func externalKey() async throws {
        let authority = try authority()
        let key = P256.Signing.PrivateKey()
        let leaf = try authority.issueCertificate(for: workload, publicKey: .init(key.publicKey), ttl: 60, now: now)
        #expect(leaf.publicKey == Certificate.PublicKey(key.publicKey))
        #expect(leaf.notValidAfter == now + 60)
        _ = try await X509SVIDVerifier(role: .client).verify(chain: [leaf], bundles: authority.bundle, now: now)
    }

    @Test("SVID and JWT lifetimes are capped at the CA's expiry")
    func capAtCAExpiry() throws {
        let authority = try authority()
        let caExpiry = authority.currentAuthority.notValidAfter
        let late = caExpiry - 600
        #expect(try authority.issueX509SVID(for: workload, now: late).leaf.notValidAfter == caExpiry)
        let token = try authority.issueJWTSVID(for: workload, audience: ["a"], ttl: 3_600, now: late)
        let jwt = try JWTSVIDValidator(audiences: ["a"]).validate(token, bundles: authority.bundle, now: late)
        #expect(jwt.expiresAt == caExpiry)
        #expect(throws: SigningAuthorityError.authorityExpired(notAfter: caExpiry)) {
            try authority.issueX509SVID(for: workload, now: caExpiry)
        }
    }

    @Test("issued JWT-SVIDs validate against the bundle, with the default 5 minute TTL")
    func jwtSVID() throws {
        let authority = try authority()
        let token = try authority.issueJWTSVID(for: workload, audience: ["spiffe://example.org/reports"], now: now)
        let svid = try JWTSVIDValidator(audiences: ["spiffe://example.org/reports"]).validate(
            token, bundles: authority.bundle, now: now
        )
        #expect(svid.id == workload)
        #expect(svid.expiresAt == now + 300)
        #expect(svid.keyID == authority.currentJWTKeyID)
    }

    @Test("IDs outside the trust domain or without a path, bad TTLs and bad configurations are refused")
    func refusals() throws {
        let authority = try authority()
        let foreign = try SPIFFEID(parsing: "spiffe://other.test/workload")
        #expect(throws: SigningAuthorityError.foreignTrustDomain(foreign)) {
            try authority.issueX509SVID(for: foreign, now: now)
        }
        #expect(throws: SigningAuthorityError.pathlessID(trustDomain.id)) {
            try authority.issueJWTSVID(for: trustDomain.id, audience: ["a"], now: now)
        }
        #expect(throws: SigningAuthorityError.invalidTTL(0)) {
            try authority.issueX509SVID(for: workload, ttl: 0, now: now)
        }
        #expect(throws: SigningAuthorityError.jwtSVID(.emptyAudience)) {
            try authority.issueJWTSVID(for: workload, audience: [], now: now)
        }
        #expect(throws: SigningAuthorityError.invalidConfiguration("authorityTTL must be a positive number of seconds"))
        {
            try SigningAuthority(configuration: .init(trustDomain: trustDomain, authorityTTL: -1), now: now)
        }
        #expect(throws: SigningAuthorityError.noPreparedAuthority) { try authority.activateNextAuthority() }
    }

    @Test("concurrent issuance gives distinct, valid SVIDs")
    func concurrentIssuance() async throws {
        let authority = try authority()
        let workload = self.workload
        let now = self.now
        let serials = try await withThrowingTaskGroup(of: [Certificate.SerialNumber].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    try (0..<25).map { _ in try authority.issueX509SVID(for: workload, now: now).leaf.serialNumber }
                }
            }
            return try await group.reduce(into: [Certificate.SerialNumber]()) { $0 += $1 }
        }
        #expect(serials.count == 100)
        #expect(Set(serials).count == 100)
    }
}
