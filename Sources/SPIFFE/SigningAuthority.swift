import Crypto
import Foundation
import Synchronization
import X509

/// The embedded development CA of a trust domain: issues X.509-SVIDs (reference §2.5 profile) and JWT-SVIDs,
/// publishes its trust bundle and rotates without breaking validation.
///
/// Rotation: ``prepareNextAuthority(now:)`` publishes the next CA and JWT key in the bundle;
/// ``activateNextAuthority()`` makes them the signers (the old ones stay published); ``pruneExpired(now:)`` drops
/// old ones after their CA expired. The bundle's `sequence` increases whenever its content changes.
///
/// Thread-safe; issuance copies the current CA under a lock and signs outside it. No file or network I/O:
/// persistence goes through ``exportState()`` and ``init(state:)``.
public final class SigningAuthority: Sendable {
    struct Generations: Sendable {
        var current: CAGeneration
        var next: CAGeneration?
        var retired: [RetiredCA]
        var sequence: UInt64
        var bundle: TrustBundle
    }

    /// Lifetimes and trust domain.
    public let configuration: Configuration
    let leafSubject: DistinguishedName
    let generations: Mutex<Generations>

    /// A new authority with a fresh CA valid from `now`.
    public convenience init(configuration: Configuration, now: Date = Date()) throws(SigningAuthorityError) {
        try configuration.validate()
        let first = try CAGeneration.generate(
            trustDomain: configuration.trustDomain, now: now, ttl: configuration.authorityTTL
        )
        try self.init(configuration: configuration, current: first, next: nil, retired: [], sequence: 1)
    }

    init(
        configuration: Configuration,
        current: CAGeneration,
        next: CAGeneration?,
        retired: [RetiredCA],
        sequence: UInt64
    ) throws(SigningAuthorityError) {
        self.configuration = configuration
        do {
            self.leafSubject = try SVIDProfile.leafSubject()
        } catch {
            throw .certificateCreationFailed(String(describing: error))
        }
        let bundle = try Self.bundle(
            configuration: configuration, current: current, next: next, retired: retired, sequence: sequence
        )
        self.generations = Mutex(
            Generations(current: current, next: next, retired: retired, sequence: sequence, bundle: bundle)
        )
    }

    /// The trust domain the authority signs for.
    public var trustDomain: TrustDomain { configuration.trustDomain }

    /// The published bundle: retired, current and prepared CAs and JWT keys.
    public var bundle: TrustBundle { generations.withLock { $0.bundle } }

    /// The CA certificate that signs new SVIDs.
    public var currentAuthority: Certificate { generations.withLock { $0.current.certificate } }

    /// The prepared CA certificate, published but not yet signing.
    public var nextAuthority: Certificate? { generations.withLock { $0.next?.certificate } }

    /// The key ID of the JWT key that signs new JWT-SVIDs.
    public var currentJWTKeyID: String { generations.withLock { $0.current.jwtSigner.keyID } }

    /// Generates the next CA and JWT key valid from `now` and publishes them in the bundle (replacing a
    /// previously prepared one). Publish well before activating so that every peer has the new bundle.
    public func prepareNextAuthority(now: Date = Date()) throws(SigningAuthorityError) {
        let next = try CAGeneration.generate(trustDomain: trustDomain, now: now, ttl: configuration.authorityTTL)
        try update { (generations) throws(SigningAuthorityError) in
            generations.next = next
            return true
        }
    }

    /// Makes the prepared CA and JWT key the signers; the previous ones stay published until they expire.
    public func activateNextAuthority() throws(SigningAuthorityError) {
        try update { (generations) throws(SigningAuthorityError) in
            guard let next = generations.next else { throw .noPreparedAuthority }
            generations.retired.append(generations.current.retired)
            generations.current = next
            generations.next = nil
            return false
        }
    }

    /// Drops retired CAs (and their JWT keys) whose CA expired at or before `now`; returns whether any was dropped.
    @discardableResult
    public func pruneExpired(now: Date = Date()) throws(SigningAuthorityError) -> Bool {
        try update { (generations) throws(SigningAuthorityError) in
            let before = generations.retired.count
            generations.retired.removeAll { $0.notAfter <= now }
            return generations.retired.count != before
        }
    }

    /// Applies `change`, which returns whether the bundle content changed, and republishes the bundle; returns
    /// what `change` returned.
    @discardableResult
    private func update(
        _ change: (inout Generations) throws(SigningAuthorityError) -> Bool
    ) throws(SigningAuthorityError) -> Bool {
        try generations.withLock { (generations) throws(SigningAuthorityError) -> Bool in
            var updated = generations
            let changed = try change(&updated)
            if changed { updated.sequence += 1 }
            updated.bundle = try Self.bundle(
                configuration: configuration,
                current: updated.current,
                next: updated.next,
                retired: updated.retired,
                sequence: updated.sequence
            )
            generations = updated
            return changed
        }
    }

    static func bundle(
        configuration: Configuration,
        current: CAGeneration,
        next: CAGeneration?,
        retired: [RetiredCA],
        sequence: UInt64
    ) throws(SigningAuthorityError) -> TrustBundle {
        let published = retired + [current.retired] + (next.map { [$0.retired] } ?? [])
        var jwtAuthorities: [String: JWKPublicKey] = [:]
        for authority in published {
            jwtAuthorities[authority.jwtKeyID] = JWKPublicKey(authority.jwtPublicKey)
        }
        let certificates = published.map { $0.certificate }
        do {
            return try TrustBundle(
                trustDomain: configuration.trustDomain,
                x509Authorities: certificates,
                jwtAuthorities: jwtAuthorities,
                sequence: sequence,
                refreshHint: configuration.refreshHint
            )
        } catch {
            throw .invalidState(error.description)
        }
    }
}
