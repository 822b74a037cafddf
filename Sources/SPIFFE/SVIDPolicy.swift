import Foundation
import SwiftASN1
import X509

/// The SPIFFE part of X.509-SVID path validation, as a swift-certificates ``VerifierPolicy`` to compose with
/// `RFC5280Policy`: the leaf is an SVID of `trustDomain` usable in `role`, presented intermediates are CAs with
/// `keyCertSign`, and every certificate including the authority is valid at `validationTime` (± `clockSkew`).
///
/// It declares SAN and EKU as handled critical extensions, so a leaf with an empty subject and a critical SAN
/// (X509-SVID §3.1) is accepted.
public struct SVIDPolicy: VerifierPolicy, Sendable {
    public let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [
        .X509ExtensionID.subjectAlternativeName, .X509ExtensionID.extendedKeyUsage,
    ]

    /// The trust domain whose bundle anchors the chain; the leaf's ID must belong to it.
    public let trustDomain: TrustDomain
    /// The role of the peer; `nil` skips the EKU check.
    public let role: PeerRole?
    /// The time at which every certificate of the chain must be valid.
    public let validationTime: Date
    /// How far `validationTime` may lie outside a validity window.
    public let clockSkew: TimeInterval

    public init(trustDomain: TrustDomain, role: PeerRole?, validationTime: Date, clockSkew: TimeInterval = 0) {
        self.trustDomain = trustDomain
        self.role = role
        self.validationTime = validationTime
        self.clockSkew = clockSkew
    }

    public func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) -> PolicyEvaluationResult {
        do {
            try evaluate(Array(chain))
            return .meetsPolicy
        } catch {
            return .failsToMeetPolicy(reason: error.description)
        }
    }

    /// Checks a candidate chain ordered leaf first, authority last.
    func evaluate(_ chain: [Certificate]) throws(SVIDValidationError) {
        guard let leaf = chain.first else { throw .emptyChain }
        let id = try SVIDRules.spiffeID(ofLeaf: leaf)
        guard id.memberOf(trustDomain) else {
            throw .untrustedChain("leaf SPIFFE ID \"\(id)\" is not in trust domain \"\(trustDomain)\"")
        }
        try SVIDRules.checkLeafUsage(leaf, role: role)
        for index in chain.indices.dropFirst().dropLast() {
            try SVIDRules.checkIntermediate(chain[index], index: index)
        }
        for (index, certificate) in chain.enumerated() {
            let position: CertificatePosition =
                index == chain.count - 1 && index > 0
                ? .authority : CertificatePosition(chainIndex: index)
            try SVIDRules.checkValidity(certificate, at: position, now: validationTime, clockSkew: clockSkew)
        }
    }
}
