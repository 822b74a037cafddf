import Foundation
import NIOCore
import NIOSSL
import SPIFFE
import SwiftASN1

/// The verification run on every handshake, on both sides: the peer's presented chain is checked
/// with the X509-SVID rules against the bundle of the peer's own trust domain (read fresh from
/// the identity source, so bundle rotation applies at once), and the peer's ID must satisfy the
/// authorizer. A refusal is recorded with its reason; the peer gets a TLS alert.
struct SPIFFEPeerVerification: Sendable {
    let source: any TLSIdentitySource
    let role: PeerRole
    let refusals: TLSRefusalLog
    let clockSkew: TimeInterval
    let cache = VerifiedChainCache()

    /// A NIOSSL callback that verifies for `channel` against `authorizer` and calls `verified`
    /// with the peer ID on success (on the event loop).
    func callback(
        channel: any Channel, authorizer: SPIFFEIDMatcher, verified: @escaping @Sendable (SPIFFEID) -> Void
    ) -> NIOSSLCustomVerificationCallbackWithMetadata {
        let source = self.source
        let role = self.role
        let refusals = self.refusals
        let clockSkew = self.clockSkew
        let cache = self.cache
        return { certificates, promise in
            let address = channel.remoteAddress?.description
            let presented: [[UInt8]]
            let bundles: BundleSet
            do {
                presented = try certificates.map { try $0.toDERBytes() }
                bundles = try source.currentIdentity().bundles
            } catch {
                refusals.record(.init(peerRole: role, peerAddress: address, reason: "cannot read certificates: \(error)"))
                promise.succeed(.failed)
                return
            }
            let key = VerifiedChainCache.Key(chain: presented, role: role, authorizer: authorizer)
            if let hit = cache.lookup(key, bundles: bundles, now: Date()) {
                verified(hit.id)
                promise.succeed(.certificateVerified(VerificationMetadata(hit.validated)))
                return
            }
            promise.completeWithTask {
                let verifier = X509SVIDVerifier(role: role, clockSkew: clockSkew, authorizer: authorizer)
                let svid: VerifiedSVID
                do {
                    svid = try await verifier.verify(chainDER: presented, bundles: bundles)
                } catch {
                    refusals.record(.init(peerRole: role, peerAddress: address, reason: String(describing: error)))
                    return .failed
                }
                verified(svid.id)
                let validated = try Self.validatedChain(svid)
                cache.store(key, .init(id: svid.id, validated: validated, bundles: bundles,
                                       validUntil: svid.chain.map(\.notValidAfter).min() ?? Date()))
                return .certificateVerified(VerificationMetadata(validated))
            }
        }
    }

    /// The verified path, leaf to trust anchor, in NIOSSL's form.
    private static func validatedChain(_ svid: VerifiedSVID) throws -> ValidatedCertificateChain {
        ValidatedCertificateChain(try svid.chain.map { certificate in
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            return try NIOSSLCertificate(bytes: serializer.serializedBytes, format: .der)
        })
    }
}
