import Crypto
import Foundation
import X509

extension SigningAuthority {
    /// Everything needed to restart the authority with the same CAs, keys and bundle sequence: certificates as
    /// PEM, private keys as PKCS#8 PEM. It holds private keys: write it with mode 0600 and never log it.
    public struct State: Codable, Hashable, Sendable {
        /// A CA generation that signs or will sign.
        public struct Generation: Codable, Hashable, Sendable {
            public var certificatePEM: String
            public var privateKeyPEM: String
            public var jwtKeyID: String
            public var jwtPrivateKeyPEM: String
        }

        /// A CA generation that only stays published until it expires; no private keys are kept.
        public struct RetiredGeneration: Codable, Hashable, Sendable {
            public var certificatePEM: String
            public var jwtKeyID: String
            public var jwtPublicKeyPEM: String
        }

        public var configuration: Configuration
        public var sequence: UInt64
        public var current: Generation
        public var next: Generation?
        public var retired: [RetiredGeneration]
    }

    /// Restores an authority from ``exportState()`` output, checking that keys match certificates.
    public convenience init(state: State) throws(SigningAuthorityError) {
        try state.configuration.validate()
        let trustDomain = state.configuration.trustDomain
        let current = try Self.generation(from: state.current, trustDomain: trustDomain)
        let next = try state.next.map { (generation) throws(SigningAuthorityError) in
            try Self.generation(from: generation, trustDomain: trustDomain)
        }
        var retired: [RetiredCA] = []
        for generation in state.retired {
            retired.append(try Self.retired(from: generation))
        }
        try self.init(
            configuration: state.configuration, current: current, next: next, retired: retired, sequence: state.sequence
        )
    }

    /// The current CAs, keys and bundle sequence, for the control plane to persist.
    public func exportState() -> State {
        let generations = generations.withLock { $0 }
        return State(
            configuration: configuration,
            sequence: generations.sequence,
            current: Self.exported(generations.current),
            next: generations.next.map(Self.exported),
            retired: generations.retired.map { retired in
                State.RetiredGeneration(
                    certificatePEM: retired.certificatePEM,
                    jwtKeyID: retired.jwtKeyID,
                    jwtPublicKeyPEM: retired.jwtPublicKey.pemRepresentation
                )
            }
        )
    }

    private static func exported(_ generation: CAGeneration) -> State.Generation {
        State.Generation(
            certificatePEM: generation.retired.certificatePEM,
            privateKeyPEM: generation.key.pemRepresentation,
            jwtKeyID: generation.jwtSigner.keyID,
            jwtPrivateKeyPEM: generation.jwtSigner.privateKey.pemRepresentation
        )
    }

    private static func generation(
        from state: State.Generation,
        trustDomain: TrustDomain
    ) throws(SigningAuthorityError) -> CAGeneration {
        let certificate = try certificate(fromPEM: state.certificatePEM)
        guard let key = try? P256.Signing.PrivateKey(pemRepresentation: state.privateKeyPEM) else {
            throw .invalidState("CA private key is not a P-256 PEM key")
        }
        guard let jwtKey = try? P256.Signing.PrivateKey(pemRepresentation: state.jwtPrivateKeyPEM) else {
            throw .invalidState("JWT private key is not a P-256 PEM key")
        }
        return try CAGeneration(
            certificate: certificate,
            key: key,
            jwtSigner: JWTSVIDSigner(keyID: state.jwtKeyID, privateKey: jwtKey),
            trustDomain: trustDomain
        )
    }

    private static func retired(from state: State.RetiredGeneration) throws(SigningAuthorityError) -> RetiredCA {
        let certificate = try certificate(fromPEM: state.certificatePEM)
        guard let jwtKey = try? P256.Signing.PublicKey(pemRepresentation: state.jwtPublicKeyPEM) else {
            throw .invalidState("retired JWT public key is not a P-256 PEM key")
        }
        guard !state.jwtKeyID.isEmpty else { throw .invalidState("JWT key ID is empty") }
        return RetiredCA(
            certificate: certificate,
            certificateDER: try RetiredCA.der(of: certificate),
            jwtKeyID: state.jwtKeyID,
            jwtPublicKey: jwtKey
        )
    }

    private static func certificate(fromPEM pem: String) throws(SigningAuthorityError) -> Certificate {
        do {
            return try Certificate(pemEncoded: pem)
        } catch {
            throw .invalidState("CA certificate is not a PEM certificate")
        }
    }
}

extension SigningAuthority.State: CustomStringConvertible, CustomDebugStringConvertible {
    /// Names the trust domain and sequence only; the state holds private keys.
    public var description: String {
        "SigningAuthority.State(\(configuration.trustDomain), sequence \(sequence), "
            + "\(retired.count) retired, next prepared: \(next != nil))"
    }

    public var debugDescription: String { description }
}

extension SigningAuthority.State.Generation: CustomStringConvertible, CustomDebugStringConvertible {
    /// Names the JWT key ID only; the generation holds private keys.
    public var description: String { "SigningAuthority.State.Generation(jwtKeyID: \(jwtKeyID))" }

    public var debugDescription: String { description }
}
