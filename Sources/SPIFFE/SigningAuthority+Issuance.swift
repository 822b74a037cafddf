import Crypto
import Foundation
import SwiftASN1
import X509

/// Issuing X.509-SVIDs and JWT-SVIDs from the current CA generation.
extension SigningAuthority {
    /// Issues an X.509-SVID for `id` with a fresh P-256 key. The lifetime is `ttl` (default
    /// ``Configuration/x509SVIDTTL``), capped at the CA's expiry; notBefore is 10 s before `now`.
    public func issueX509SVID(
        for id: SPIFFEID,
        ttl: TimeInterval? = nil,
        now: Date = Date()
    ) throws(SigningAuthorityError) -> X509SVID {
        let key = P256.Signing.PrivateKey()
        let privateKey = Certificate.PrivateKey(key)
        let leaf = try issueCertificate(for: id, publicKey: privateKey.publicKey, ttl: ttl, now: now)
        var serializer = DER.Serializer()
        do {
            try serializer.serialize(leaf)
        } catch {
            throw .certificateCreationFailed(String(describing: error))
        }
        return X509SVID(
            issuedID: id,
            certificates: [leaf],
            certificatesDER: [serializer.serializedBytes],
            privateKey: privateKey,
            privateKeyDER: Array(key.derRepresentation)
        )
    }

    /// Issues an X.509-SVID leaf for `id` certifying a caller-held `publicKey` (the chain is this one leaf,
    /// signed directly by the current CA).
    public func issueCertificate(
        for id: SPIFFEID,
        publicKey: Certificate.PublicKey,
        ttl: TimeInterval? = nil,
        now: Date = Date()
    ) throws(SigningAuthorityError) -> Certificate {
        try checkSubject(id)
        let authority = generations.withLock { $0.current }
        let notAfter = try expiry(ttl: ttl ?? configuration.x509SVIDTTL, now: now, authority: authority)
        do {
            return try SVIDProfile.leaf(
                id: id,
                publicKey: publicKey,
                subject: leafSubject,
                issuer: authority.certificate,
                issuerKeyIdentifier: authority.keyIdentifier,
                issuerKey: authority.signingKey,
                notBefore: now.addingTimeInterval(-SVIDProfile.notBeforeCushion),
                notAfter: notAfter
            )
        } catch {
            throw .certificateCreationFailed(String(describing: error))
        }
    }

    /// Issues a JWT-SVID for `id` and `audience`, signed by the current JWT key. The lifetime is `ttl` (default
    /// ``Configuration/jwtSVIDTTL``), capped at the CA's expiry.
    public func issueJWTSVID(
        for id: SPIFFEID,
        audience: [String],
        ttl: TimeInterval? = nil,
        now: Date = Date()
    ) throws(SigningAuthorityError) -> String {
        try checkSubject(id)
        let authority = generations.withLock { $0.current }
        let expiresAt = try expiry(ttl: ttl ?? configuration.jwtSVIDTTL, now: now, authority: authority)
        do {
            return try authority.jwtSigner.sign(subject: id, audience: audience, expiresAt: expiresAt, issuedAt: now)
        } catch {
            throw .jwtSVID(error)
        }
    }

    private func checkSubject(_ id: SPIFFEID) throws(SigningAuthorityError) {
        guard id.memberOf(trustDomain) else { throw .foreignTrustDomain(id) }
        guard !id.path.isEmpty else { throw .pathlessID(id) }
    }

    private func expiry(ttl: TimeInterval, now: Date, authority: CAGeneration) throws(SigningAuthorityError) -> Date {
        guard ttl > 0, ttl.isFinite else { throw .invalidTTL(ttl) }
        guard now < authority.notAfter else { throw .authorityExpired(notAfter: authority.notAfter) }
        return min(now.addingTimeInterval(ttl), authority.notAfter)
    }
}
