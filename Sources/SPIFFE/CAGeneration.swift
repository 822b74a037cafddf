import Crypto
import Foundation
import X509

/// One generation of the signing authority: a CA certificate with its key, and the JWT-SVID signing key that
/// rotates with it. Kept parsed so that issuance never re-reads the CA.
struct CAGeneration: Sendable {
    let certificate: Certificate
    let certificateDER: [UInt8]
    let key: P256.Signing.PrivateKey
    let signingKey: Certificate.PrivateKey
    let keyIdentifier: ArraySlice<UInt8>
    let jwtSigner: JWTSVIDSigner

    var notAfter: Date { certificate.notValidAfter }

    /// A fresh CA valid from `now` − 10 s for `ttl`, with a fresh JWT key and a random key ID.
    static func generate(trustDomain: TrustDomain, now: Date, ttl: TimeInterval) throws(SigningAuthorityError) -> Self {
        let key = P256.Signing.PrivateKey()
        let certificate: Certificate
        do {
            certificate = try SVIDProfile.authority(
                trustDomain: trustDomain,
                key: Certificate.PrivateKey(key),
                notBefore: now.addingTimeInterval(-SVIDProfile.notBeforeCushion),
                notAfter: now.addingTimeInterval(ttl)
            )
        } catch {
            throw .certificateCreationFailed(String(describing: error))
        }
        var random = SystemRandomNumberGenerator()
        let keyID = Base64URL.encode((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &random) })
        let signer = JWTSVIDSigner(keyID: keyID, privateKey: P256.Signing.PrivateKey())
        return try CAGeneration(certificate: certificate, key: key, jwtSigner: signer, trustDomain: trustDomain)
    }

    /// Checks that `certificate` is a CA of `trustDomain` whose public key is `key`'s.
    init(
        certificate: Certificate,
        key: P256.Signing.PrivateKey,
        jwtSigner: JWTSVIDSigner,
        trustDomain: TrustDomain
    ) throws(SigningAuthorityError) {
        guard certificate.publicKey == Certificate.PublicKey(key.publicKey) else {
            throw .invalidState("CA key does not match its certificate")
        }
        guard case .isCertificateAuthority = try? certificate.extensions.basicConstraints else {
            throw .invalidState("CA certificate is not a CA")
        }
        let names = (try? certificate.extensions.subjectAlternativeNames) ?? SubjectAlternativeNames()
        guard Array(names) == [.uniformResourceIdentifier(trustDomain.idString)] else {
            throw .invalidState("CA certificate is not for \(trustDomain.idString)")
        }
        guard let keyIdentifier = try? certificate.extensions.subjectKeyIdentifier?.keyIdentifier else {
            throw .invalidState("CA certificate has no subject key identifier")
        }
        guard !jwtSigner.keyID.isEmpty else { throw .invalidState("JWT key ID is empty") }
        self.certificateDER = try RetiredCA.der(of: certificate)
        self.certificate = certificate
        self.key = key
        self.signingKey = Certificate.PrivateKey(key)
        self.keyIdentifier = keyIdentifier
        self.jwtSigner = jwtSigner
    }

    /// What stays in the bundle after this generation stops signing.
    var retired: RetiredCA {
        RetiredCA(
            certificate: certificate,
            certificateDER: certificateDER,
            jwtKeyID: jwtSigner.keyID,
            jwtPublicKey: jwtSigner.privateKey.publicKey
        )
    }
}
