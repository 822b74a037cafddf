import X509

/// Names the reason why swift-certificates' `Verifier` refused a chain whose structural checks had passed.
struct ChainDiagnosis {
    let policy: SVIDPolicy
    /// The presented chain, leaf first.
    let presented: [Certificate]
    /// The authorities of the leaf's trust domain.
    let authorities: [Certificate]

    func reason(for failures: [CertificateValidationResult.PolicyFailure]) -> SVIDValidationError {
        if failures.isEmpty { return reasonNoChainWasBuilt() }
        for failure in failures {
            do {
                try policy.evaluate(Array(failure.chain))
            } catch {
                return error
            }
        }
        let reasons = Set(failures.map { $0.policyFailureReason.description }).sorted()
        return .untrustedChain(reasons.joined(separator: "; "))
    }

    /// Walks issuer links from the leaf and reports the first link that cannot be made.
    private func reasonNoChainWasBuilt() -> SVIDValidationError {
        var tip = presented[0]
        var tipPosition = CertificatePosition.leaf
        var used: Set<Int> = []
        for _ in 0...presented.count {
            let namedAuthorities = authorities.filter { $0.subject == tip.issuer }
            if let authority = namedAuthorities.first(where: { $0.publicKey.isValidSignature(tip.signature, for: tip) })
            {
                do {
                    try SVIDRules.checkCriticalExtensions(authority, at: .authority)
                } catch {
                    return error
                }
                return .untrustedChain(
                    "the chain reaches an authority of \"\(policy.trustDomain)\" but fails path validation")
            }
            let namedIntermediates = presented.indices.dropFirst().filter {
                !used.contains($0) && presented[$0].subject == tip.issuer
            }
            if let next = namedIntermediates.first(where: {
                presented[$0].publicKey.isValidSignature(tip.signature, for: tip)
            }) {
                used.insert(next)
                tip = presented[next]
                tipPosition = .intermediate(next)
                continue
            }
            let candidates = namedAuthorities + namedIntermediates.map { presented[$0] }
            if candidates.isEmpty {
                return .issuerNotFound(tipPosition, issuer: tip.issuer.description)
            }
            if let keyID = authorityKeyID(of: tip), candidates.contains(where: { subjectKeyID(of: $0) == keyID }) {
                return .badSignature(tipPosition)
            }
            return .untrustedChain(
                "no certificate named \"\(tip.issuer)\" in the chain or in the bundle of "
                    + "\"\(policy.trustDomain)\" signed the \(tipPosition)"
            )
        }
        return .untrustedChain("the presented certificates do not lead to an authority of \"\(policy.trustDomain)\"")
    }

    private func authorityKeyID(of certificate: Certificate) -> ArraySlice<UInt8>? {
        (try? certificate.extensions.authorityKeyIdentifier)?.keyIdentifier
    }

    private func subjectKeyID(of certificate: Certificate) -> ArraySlice<UInt8>? {
        (try? certificate.extensions.subjectKeyIdentifier)?.keyIdentifier
    }
}
