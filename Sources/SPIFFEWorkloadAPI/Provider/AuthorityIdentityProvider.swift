import Foundation
import SPIFFE
import Synchronization
import X509

/// The embedded control plane's ``WorkloadIdentityProvider``: SVIDs from a ``SigningAuthority`` for the
/// ``RegistrationStore`` entries whose selectors a caller satisfies.
///
/// X.509-SVIDs are cached per entry (callers matching the same entry share it, as with SPIRE) and re-issued when
/// half their lifetime (±10 % jitter) has passed, when the signing CA changed, or when the entry changed.
/// Rotate the CA through ``prepareNextAuthority(now:)``, ``activateNextAuthority()`` and
/// ``pruneExpiredAuthorities(now:)`` so that open streams are told at once. Entries sharing a non-empty hint are
/// reduced to the first registered one (hints must be unique per response, as SPIRE enforces).
public final class AuthorityIdentityProvider: WorkloadIdentityProvider {
    /// The CA that issues every SVID.
    public let authority: SigningAuthority
    /// The entries that decide who gets which SPIFFE ID.
    public let registrations: RegistrationStore
    /// The fraction of an SVID's lifetime after which it is renewed, drawn per SVID.
    static let renewalFraction = 0.45...0.55

    private struct CachedSVID {
        let entry: RegistrationEntry
        let svid: SPIFFE.X509SVID
        let signer: Certificate
        let renewAt: Date
    }

    private let cache = Mutex<[UUID: CachedSVID]>([:])

    public init(authority: SigningAuthority, registrations: RegistrationStore) {
        self.authority = authority
        self.registrations = registrations
    }

    /// The store's signal; rotation through this provider notifies it too.
    public var changes: ChangeSignal { registrations.changes }

    public func x509Issuance(for caller: WorkloadCaller) throws(WorkloadIdentityError) -> X509Issuance {
        let entries = try identities(of: caller)
        let signer = authority.currentAuthority
        let now = Date()
        let issued = try cache.withLock { (cache) throws(WorkloadIdentityError) -> [CachedSVID] in
            var issued: [CachedSVID] = []
            for entry in entries {
                if let cached = cache[entry.id], cached.entry == entry, cached.signer == signer, now < cached.renewAt {
                    issued.append(cached)
                    continue
                }
                let fresh = try issue(entry, signer: signer, now: now)
                cache[entry.id] = fresh
                issued.append(fresh)
            }
            let registered = Set(registrations.entries.map(\.id))
            cache = cache.filter { registered.contains($0.key) }
            return issued
        }
        let identities = issued.map { X509Identity(svid: $0.svid, hint: $0.entry.hint) }
        guard let context = X509Context(identities: identities, bundles: BundleSet([authority.bundle])) else {
            throw .noIdentity
        }
        return X509Issuance(context: context, refreshAt: issued.map(\.renewAt).min())
    }

    public func bundles(for caller: WorkloadCaller) throws(WorkloadIdentityError) -> BundleSet {
        _ = try identities(of: caller)
        return BundleSet([authority.bundle])
    }

    public func jwtSVIDs(
        for caller: WorkloadCaller,
        audience: [String],
        subject: SPIFFEID?
    ) throws(WorkloadIdentityError) -> [JWTSVIDToken] {
        var entries = try identities(of: caller)
        if let subject {
            entries = entries.filter { $0.spiffeID == subject }
            guard !entries.isEmpty else { throw .notEntitled(subject) }
        }
        var seen: Set<SPIFFEID> = []
        var tokens: [JWTSVIDToken] = []
        for entry in entries where seen.insert(entry.spiffeID).inserted {
            do {
                let token = try authority.issueJWTSVID(for: entry.spiffeID, audience: audience)
                tokens.append(JWTSVIDToken(id: entry.spiffeID, token: token, hint: entry.hint))
            } catch {
                throw .issuanceFailed(error.description)
            }
        }
        return tokens
    }

    /// Publishes the next CA and JWT key in the bundle (see ``SigningAuthority/prepareNextAuthority(now:)``)
    /// and pushes the new bundle to every open stream.
    public func prepareNextAuthority(now: Date = Date()) throws(SigningAuthorityError) {
        try authority.prepareNextAuthority(now: now)
        changes.notify()
    }

    /// Makes the prepared CA the signer and pushes SVIDs re-issued by it to every open stream.
    public func activateNextAuthority() throws(SigningAuthorityError) {
        try authority.activateNextAuthority()
        changes.notify()
    }

    /// Drops expired retired CAs from the bundle and pushes the bundle when it changed; returns whether it did.
    @discardableResult
    public func pruneExpiredAuthorities(now: Date = Date()) throws(SigningAuthorityError) -> Bool {
        let pruned = try authority.pruneExpired(now: now)
        if pruned { changes.notify() }
        return pruned
    }

    /// The caller's entries, in registration order, without later entries that repeat a non-empty hint.
    private func identities(of caller: WorkloadCaller) throws(WorkloadIdentityError) -> [RegistrationEntry] {
        var hints: Set<String> = []
        let entries = registrations.entries(matching: caller).filter {
            $0.hint.isEmpty || hints.insert($0.hint).inserted
        }
        guard !entries.isEmpty else { throw .noIdentity }
        return entries
    }

    private func issue(
        _ entry: RegistrationEntry,
        signer: Certificate,
        now: Date
    ) throws(WorkloadIdentityError) -> CachedSVID {
        let svid: SPIFFE.X509SVID
        do {
            svid = try authority.issueX509SVID(for: entry.spiffeID, ttl: entry.ttl, now: now)
        } catch {
            throw .issuanceFailed(error.description)
        }
        let lifetime = svid.leaf.notValidAfter.timeIntervalSince(now)
        let renewAt = now.addingTimeInterval(lifetime * Double.random(in: Self.renewalFraction))
        return CachedSVID(entry: entry, svid: svid, signer: signer, renewAt: renewAt)
    }
}
