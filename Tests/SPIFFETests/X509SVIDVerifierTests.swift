import Crypto
import Foundation
import Testing
import X509

@testable import SPIFFE

@Suite("X.509-SVID verification: accepted chains")
struct X509SVIDVerifierTests {
    let root: TestCA
    let bundles: BundleSet

    init() throws {
        root = try TestCA.root("Example Root")
        bundles = BundleSet([try root.bundle()])
    }

    @Test("a leaf directly under the root verifies for both roles and returns the chain to the root")
    func leafUnderRoot() async throws {
        let leaf = try root.leaf()
        for role in [PeerRole.client, .server] {
            let verified = try await X509SVIDVerifier(role: role).verify(
                chain: [leaf.certificate], bundles: bundles, now: TestPKI.now
            )
            #expect(verified.id == (try SPIFFEID(parsing: "spiffe://example.org/workload")))
            #expect(verified.chain == [leaf.certificate, root.certificate])
            #expect(verified.leaf == leaf.certificate)
        }
    }

    @Test("a leaf under an intermediate verifies, also from DER")
    func leafUnderIntermediate() async throws {
        let intermediate = try root.intermediate("Intermediate")
        let leaf = try intermediate.leaf()
        let verified = try await X509SVIDVerifier(role: .server).verify(
            chainDER: [TestPKI.der(leaf.certificate), TestPKI.der(intermediate.certificate)],
            bundles: bundles,
            now: TestPKI.now
        )
        #expect(verified.chain == [leaf.certificate, intermediate.certificate, root.certificate])
    }

    @Test("a leaf with an empty subject and a critical SAN is accepted")
    func criticalSANWithEmptySubject() async throws {
        var spec = LeafSpec()
        spec.subject = DistinguishedName()
        spec.sanCritical = true
        let leaf = try root.leaf(spec)
        let verified = try await X509SVIDVerifier(role: .client).verify(
            chain: [leaf.certificate], bundles: bundles, now: TestPKI.now
        )
        #expect(verified.id.path == "/workload")
    }

    @Test("a leaf without EKU or without basic constraints is accepted for both roles")
    func optionalExtensions() async throws {
        var noEKU = LeafSpec()
        noEKU.extendedKeyUsage = nil
        var noBasicConstraints = LeafSpec()
        noBasicConstraints.basicConstraints = nil
        for spec in [noEKU, noBasicConstraints] {
            let leaf = try root.leaf(spec)
            for role in [PeerRole.client, .server] {
                _ = try await X509SVIDVerifier(role: role).verify(
                    chain: [leaf.certificate], bundles: bundles, now: TestPKI.now)
            }
        }
    }

    @Test("a client-only EKU is enough for a client and a server-only EKU for a server")
    func roleSpecificEKU() async throws {
        var clientOnly = LeafSpec()
        clientOnly.extendedKeyUsage = [.clientAuth]
        var serverOnly = LeafSpec()
        serverOnly.extendedKeyUsage = [.serverAuth]
        _ = try await X509SVIDVerifier(role: .client).verify(
            chain: [try root.leaf(clientOnly).certificate], bundles: bundles, now: TestPKI.now
        )
        _ = try await X509SVIDVerifier(role: .server).verify(
            chain: [try root.leaf(serverOnly).certificate], bundles: bundles, now: TestPKI.now
        )
    }

    @Test("the bundle of the leaf's trust domain is chosen among several")
    func bundleSelection() async throws {
        let otherRoot = try TestCA.root("Other Root", trustDomain: "other.test")
        var spec = LeafSpec()
        spec.uris = ["spiffe://other.test/service"]
        let leaf = try otherRoot.leaf(spec)
        let set = BundleSet([try root.bundle(), try otherRoot.bundle("other.test")])
        let verified = try await X509SVIDVerifier(
            role: .server, authorizer: .memberOf(try TrustDomain(parsing: "other.test"))
        )
        .verify(chain: [leaf.certificate], bundles: set, now: TestPKI.now)
        #expect(verified.chain.last == otherRoot.certificate)
    }

    @Test("the clock skew widens the validity window and nothing more")
    func clockSkew() async throws {
        var spec = LeafSpec()
        spec.notAfter = TestPKI.now - 5
        let leaf = try root.leaf(spec)
        _ = try await X509SVIDVerifier(role: .client, clockSkew: 10).verify(
            chain: [leaf.certificate], bundles: bundles, now: TestPKI.now
        )
        await #expect(throws: SVIDValidationError.expired(.leaf, notAfter: spec.notAfter)) {
            try await X509SVIDVerifier(role: .client, clockSkew: 4).verify(
                chain: [leaf.certificate], bundles: bundles, now: TestPKI.now
            )
        }
    }

    @Test("garbage DER is refused as unparsable")
    func unparsableDER() async throws {
        await #expect {
            try await X509SVIDVerifier(role: .client).verify(chainDER: [[0x30, 0x03, 0x02, 0x01]], bundles: bundles)
        } throws: { error in
            guard case .unparsableCertificate(index: 0, _) = error as? SVIDValidationError else { return false }
            return true
        }
    }

    @Test("SVIDPolicy declares SAN and EKU as handled critical extensions")
    func policyExtensions() throws {
        let policy = SVIDPolicy(
            trustDomain: try TrustDomain(parsing: "example.org"), role: .client, validationTime: TestPKI.now)
        #expect(
            Set(policy.verifyingCriticalExtensions) == [
                .X509ExtensionID.subjectAlternativeName, .X509ExtensionID.extendedKeyUsage,
            ])
    }
}
