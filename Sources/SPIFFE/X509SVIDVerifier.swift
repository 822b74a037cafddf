import Foundation
@_spi(DisableValidityCheck) import X509

/// Validates a presented X.509-SVID chain (X509-SVID standard §5) against the bundle of the leaf's own trust
/// domain, with swift-certificates' `Verifier` running `RFC5280Policy` and ``SVIDPolicy``.
///
/// The cheap structural rules run first so that their failures are reported by name; a chain the `Verifier`
/// refuses is then examined again to name the failure (expired authority, unknown issuer, bad signature, …).
public struct X509SVIDVerifier: Sendable {
    /// The role of the peer presenting the chain; decides the extended key usage it needs.
    public var role: PeerRole
    /// How far the validation time may lie outside a validity window.
    public var clockSkew: TimeInterval
    /// Decides whether the verified ID is acceptable.
    public var authorizer: SPIFFEIDMatcher

    public init(role: PeerRole, clockSkew: TimeInterval = 0, authorizer: SPIFFEIDMatcher = .any) {
        self.role = role
        self.clockSkew = clockSkew
        self.authorizer = authorizer
    }

    /// Verifies DER certificates as received from a TLS peer, leaf first.
    public func verify(
        chainDER: [[UInt8]],
        bundles: some TrustBundleSource,
        now: Date = Date()
    ) async throws(SVIDValidationError) -> VerifiedSVID {
        var chain: [Certificate] = []
        for (index, der) in chainDER.enumerated() {
            do {
                chain.append(try Certificate(derEncoded: der))
            } catch {
                throw .unparsableCertificate(index: index, reason: String(describing: error))
            }
        }
        return try await verify(chain: chain, bundles: bundles, now: now)
    }

    /// Verifies a chain (leaf first, then intermediates) at `now`.
    public func verify(
        chain: [Certificate],
        bundles: some TrustBundleSource,
        now: Date = Date()
    ) async throws(SVIDValidationError) -> VerifiedSVID {
        guard let leaf = chain.first else { throw .emptyChain }
        for (index, certificate) in chain.enumerated() {
            try SVIDRules.checkCriticalExtensions(certificate, at: CertificatePosition(chainIndex: index))
        }
        let id = try SVIDRules.spiffeID(ofLeaf: leaf)
        try SVIDRules.checkLeafUsage(leaf, role: role)
        for index in chain.indices.dropFirst() {
            try SVIDRules.checkIntermediate(chain[index], index: index)
        }
        for (index, certificate) in chain.enumerated() {
            try SVIDRules.checkValidity(
                certificate, at: CertificatePosition(chainIndex: index), now: now, clockSkew: clockSkew
            )
        }
        guard let bundle = bundles.bundle(for: id.trustDomain) else { throw .noBundleForTrustDomain(id.trustDomain) }
        guard !bundle.x509Authorities.isEmpty else { throw .noX509Authorities(id.trustDomain) }

        let policy = SVIDPolicy(trustDomain: id.trustDomain, role: role, validationTime: now, clockSkew: clockSkew)
        var verifier = Verifier(rootCertificates: CertificateStore(bundle.x509Authorities)) {
            RFC5280Policy.withValidityCheckDisabled()
            policy
        }
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(chain.dropFirst()))
        switch result {
        case .validCertificate(let validated):
            do {
                try authorizer.matches(id)
            } catch {
                throw .unauthorized(error)
            }
            return VerifiedSVID(id: id, chain: Array(validated))
        case .couldNotValidate(let failures):
            let diagnosis = ChainDiagnosis(policy: policy, presented: chain, authorities: bundle.x509Authorities)
            throw diagnosis.reason(for: failures)
        }
    }
}
