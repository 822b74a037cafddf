import Crypto
import Foundation
import X509

@testable import SPIFFE

/// One way an X.509-SVID chain can be wrong, with the named reason it must be refused for.
enum BadSVID: String, CaseIterable, Sendable {
    case noURISAN, noSANExtension, twoURISANs, nonSPIFFEURI
    case pathlessID, dotSegmentID, uppercaseTrustDomainID, queryInID, percentEncodedID
    case leafIsCA, leafKeyCertSign, leafCRLSign, missingKeyUsage, keyUsageNotCritical, noDigitalSignature
    case clientWithoutClientAuthEKU, serverWithoutServerAuthEKU, clientWithCodeSigningEKUOnly
    case expiredLeaf, notYetValidLeaf, expiredIntermediate, expiredRoot, notYetValidRoot
    case chainFromOtherTrustDomain, trustDomainWithoutBundle, bundleWithoutAuthorities, untrustedRootSameName
    case tamperedLeaf, tamperedIntermediate, missingIntermediate
    case intermediateNotCA, intermediateWithoutBasicConstraints, intermediateWithoutKeyCertSign, leafSignedByLeaf
    case emptyChain, unhandledCriticalExtension, rootNotCA, pathLengthExceeded, unauthorizedID, privateKeyMismatch

    /// How the refusal is recognised.
    enum Expectation {
        /// Exactly this error.
        case equal(SVIDValidationError)
        /// An `untrustedChain` error (its details come from swift-certificates).
        case untrustedChain
    }

    struct Scenario {
        var chain: [Certificate]
        var bundles: BundleSet
        var role: PeerRole = .client
        var authorizer: SPIFFEIDMatcher = .any
        var expected: Expectation
        /// When set, the chain is parsed as the workload's own SVID with this key instead of verified.
        var ownKey: Certificate.PrivateKey?

        /// The error the chain is refused with, or `nil` if it was accepted.
        func refusal() async -> SVIDValidationError? {
            do {
                if let ownKey {
                    _ = try X509SVID(certificates: chain, privateKey: ownKey)
                } else {
                    let verifier = X509SVIDVerifier(role: role, authorizer: authorizer)
                    _ = try await verifier.verify(chain: chain, bundles: bundles, now: TestPKI.now)
                }
                return nil
            } catch {
                return error
            }
        }
    }

    func scenario() throws -> Scenario {
        let root = try TestCA.root("Example Root")
        let bundles = BundleSet([try root.bundle()])
        func leafCase(_ change: (inout LeafSpec) -> Void, role: PeerRole = .client, expected: SVIDValidationError)
            throws -> Scenario
        {
            var spec = LeafSpec()
            change(&spec)
            return Scenario(
                chain: [try root.leaf(spec).certificate], bundles: bundles, role: role, expected: .equal(expected))
        }
        switch self {
        case .noURISAN:
            return try leafCase(
                {
                    $0.uris = []
                    $0.dnsNames = ["workload.example.org"]
                }, expected: .noURISAN)
        case .noSANExtension:
            return try leafCase({ $0.uris = [] }, expected: .noURISAN)
        case .twoURISANs:
            return try leafCase(
                { $0.uris = ["spiffe://example.org/a", "spiffe://example.org/b"] }, expected: .multipleURISANs(count: 2)
            )
        case .nonSPIFFEURI:
            return try leafCase(
                { $0.uris = ["https://example.org/workload"] }, expected: .invalidSPIFFEID(.wrongScheme))
        case .pathlessID:
            return try leafCase(
                { $0.uris = ["spiffe://example.org"] },
                expected: .pathlessID(try SPIFFEID(parsing: "spiffe://example.org"))
            )
        case .dotSegmentID:
            return try leafCase({ $0.uris = ["spiffe://example.org/a/../b"] }, expected: .invalidSPIFFEID(.dotSegment))
        case .uppercaseTrustDomainID:
            return try leafCase(
                { $0.uris = ["spiffe://Example.org/workload"] }, expected: .invalidSPIFFEID(.badTrustDomainChar)
            )
        case .queryInID:
            return try leafCase(
                { $0.uris = ["spiffe://example.org/workload?x=1"] }, expected: .invalidSPIFFEID(.badPathSegmentChar)
            )
        case .percentEncodedID:
            return try leafCase(
                { $0.uris = ["spiffe://example.org/w%6Frkload"] }, expected: .invalidSPIFFEID(.badPathSegmentChar)
            )
        case .leafIsCA:
            return try leafCase(
                { $0.basicConstraints = .isCertificateAuthority(maxPathLength: nil) }, expected: .leafIsCA)
        case .leafKeyCertSign:
            return try leafCase(
                { $0.keyUsage = KeyUsage(digitalSignature: true, keyCertSign: true) }, expected: .leafHasKeyCertSign
            )
        case .leafCRLSign:
            return try leafCase(
                { $0.keyUsage = KeyUsage(digitalSignature: true, cRLSign: true) }, expected: .leafHasCRLSign)
        case .missingKeyUsage:
            return try leafCase({ $0.keyUsage = nil }, expected: .missingKeyUsage)
        case .keyUsageNotCritical:
            return try leafCase({ $0.keyUsageCritical = false }, expected: .keyUsageNotCritical)
        case .noDigitalSignature:
            return try leafCase({ $0.keyUsage = KeyUsage(keyEncipherment: true) }, expected: .missingDigitalSignature)
        case .clientWithoutClientAuthEKU:
            return try leafCase(
                { $0.extendedKeyUsage = [.serverAuth] }, role: .client,
                expected: .missingRequiredExtendedKeyUsage(.client)
            )
        case .serverWithoutServerAuthEKU:
            return try leafCase(
                { $0.extendedKeyUsage = [.clientAuth] }, role: .server,
                expected: .missingRequiredExtendedKeyUsage(.server)
            )
        case .clientWithCodeSigningEKUOnly:
            return try leafCase(
                { $0.extendedKeyUsage = [.codeSigning] }, role: .client,
                expected: .missingRequiredExtendedKeyUsage(.client)
            )
        case .expiredLeaf:
            let notAfter = TestPKI.now - 1
            return try leafCase(
                {
                    $0.notBefore = TestPKI.now - 7_200
                    $0.notAfter = notAfter
                }, expected: .expired(.leaf, notAfter: notAfter)
            )
        case .notYetValidLeaf:
            let notBefore = TestPKI.now + 60
            return try leafCase({ $0.notBefore = notBefore }, expected: .notYetValid(.leaf, notBefore: notBefore))
        case .expiredIntermediate:
            let notAfter = TestPKI.now - 60
            let intermediate = try root.intermediate("Intermediate", notBefore: TestPKI.now - 7_200, notAfter: notAfter)
            let leaf = try intermediate.leaf()
            return Scenario(
                chain: [leaf.certificate, intermediate.certificate],
                bundles: bundles,
                expected: .equal(.expired(.intermediate(1), notAfter: notAfter))
            )
        case .expiredRoot:
            let notAfter = TestPKI.now - 60
            let expiredRoot = try TestCA.root("Expired Root", notBefore: TestPKI.now - 86_400, notAfter: notAfter)
            return Scenario(
                chain: [try expiredRoot.leaf().certificate],
                bundles: BundleSet([try expiredRoot.bundle()]),
                expected: .equal(.expired(.authority, notAfter: notAfter))
            )
        case .notYetValidRoot:
            let notBefore = TestPKI.now + 3_600
            let futureRoot = try TestCA.root("Future Root", notBefore: notBefore, notAfter: TestPKI.now + 86_400)
            return Scenario(
                chain: [try futureRoot.leaf().certificate],
                bundles: BundleSet([try futureRoot.bundle()]),
                expected: .equal(.notYetValid(.authority, notBefore: notBefore))
            )
        case .chainFromOtherTrustDomain:
            let otherRoot = try TestCA.root("Other Root", trustDomain: "other.test")
            return Scenario(
                chain: [try otherRoot.leaf().certificate],
                bundles: BundleSet([try root.bundle(), try otherRoot.bundle("other.test")]),
                expected: .equal(.issuerNotFound(.leaf, issuer: otherRoot.name.description))
            )
        case .trustDomainWithoutBundle:
            return try leafCase(
                { $0.uris = ["spiffe://unknown.test/workload"] },
                expected: .noBundleForTrustDomain(try TrustDomain(parsing: "unknown.test"))
            )
        case .bundleWithoutAuthorities:
            let trustDomain = try TrustDomain(parsing: "example.org")
            return Scenario(
                chain: [try root.leaf().certificate],
                bundles: BundleSet([try TrustBundle(trustDomain: trustDomain)]),
                expected: .equal(.noX509Authorities(trustDomain))
            )
        case .untrustedRootSameName:
            let rogue = try TestCA.root("Example Root")
            return Scenario(chain: [try rogue.leaf().certificate], bundles: bundles, expected: .untrustedChain)
        case .tamperedLeaf:
            let leaf = try TestPKI.tampered(try root.leaf().certificate)
            return Scenario(chain: [leaf], bundles: bundles, expected: .equal(.badSignature(.leaf)))
        case .tamperedIntermediate:
            let intermediate = try root.intermediate("Intermediate")
            return Scenario(
                chain: [try intermediate.leaf().certificate, try TestPKI.tampered(intermediate.certificate)],
                bundles: bundles,
                expected: .equal(.badSignature(.intermediate(1)))
            )
        case .missingIntermediate:
            let intermediate = try root.intermediate("Intermediate")
            return Scenario(
                chain: [try intermediate.leaf().certificate],
                bundles: bundles,
                expected: .equal(.issuerNotFound(.leaf, issuer: intermediate.name.description))
            )
        case .intermediateNotCA:
            let intermediate = try root.intermediate("Intermediate", basicConstraints: .notCertificateAuthority)
            return Scenario(
                chain: [try intermediate.leaf().certificate, intermediate.certificate],
                bundles: bundles,
                expected: .equal(.intermediateNotCA(index: 1))
            )
        case .intermediateWithoutBasicConstraints:
            let intermediate = try root.intermediate("Intermediate", basicConstraints: nil)
            return Scenario(
                chain: [try intermediate.leaf().certificate, intermediate.certificate],
                bundles: bundles,
                expected: .equal(.intermediateNotCA(index: 1))
            )
        case .intermediateWithoutKeyCertSign:
            let intermediate = try root.intermediate("Intermediate", keyUsage: KeyUsage(cRLSign: true))
            return Scenario(
                chain: [try intermediate.leaf().certificate, intermediate.certificate],
                bundles: bundles,
                expected: .equal(.intermediateMissingKeyCertSign(index: 1))
            )
        case .leafSignedByLeaf:
            let first = try root.leaf()
            var spec = LeafSpec()
            spec.uris = ["spiffe://example.org/second"]
            let second = try first.asIssuer.leaf(spec)
            return Scenario(
                chain: [second.certificate, first.certificate],
                bundles: bundles,
                expected: .equal(.intermediateNotCA(index: 1))
            )
        case .emptyChain:
            return Scenario(chain: [], bundles: bundles, expected: .equal(.emptyChain))
        case .unhandledCriticalExtension:
            let unknown = Certificate.Extension(
                oid: [1, 3, 6, 1, 4, 1, 55_555, 1], critical: true, value: [0x05, 0x00])
            return try leafCase(
                { $0.extraExtensions = [unknown] },
                expected: .unhandledCriticalExtension(.leaf, oid: "1.3.6.1.4.1.55555.1")
            )
        case .rootNotCA:
            let notCA = try TestCA.root("Not A CA", isCA: false)
            return Scenario(
                chain: [try notCA.leaf().certificate],
                bundles: BundleSet([try notCA.bundle()]),
                expected: .untrustedChain
            )
        case .pathLengthExceeded:
            let strictRoot = try TestCA.root("Strict Root", maxPathLength: 0)
            let intermediate = try strictRoot.intermediate("Intermediate")
            return Scenario(
                chain: [try intermediate.leaf().certificate, intermediate.certificate],
                bundles: BundleSet([try strictRoot.bundle()]),
                expected: .untrustedChain
            )
        case .unauthorizedID:
            let leaf = try root.leaf()
            let expected = try SPIFFEID(parsing: "spiffe://example.org/someone-else")
            let actual = try SPIFFEID(parsing: "spiffe://example.org/workload")
            return Scenario(
                chain: [leaf.certificate],
                bundles: bundles,
                authorizer: .exact(expected),
                expected: .equal(.unauthorized(.unexpectedID(actual)))
            )
        case .privateKeyMismatch:
            return Scenario(
                chain: [try root.leaf().certificate],
                bundles: bundles,
                expected: .equal(.privateKeyMismatch),
                ownKey: Certificate.PrivateKey(P256.Signing.PrivateKey())
            )
        }
    }

    /// Cases whose defect is in the certificates themselves, so parsing them as an own SVID fails the same way.
    static let structural: [BadSVID] = [
        .noURISAN, .twoURISANs, .nonSPIFFEURI, .pathlessID, .dotSegmentID, .leafIsCA, .leafKeyCertSign,
        .leafCRLSign, .missingKeyUsage, .keyUsageNotCritical, .noDigitalSignature, .intermediateNotCA,
        .intermediateWithoutKeyCertSign, .leafSignedByLeaf, .emptyChain,
    ]
}
