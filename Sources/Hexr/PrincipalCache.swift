import HexrPolicy
import SPIFFE
import Synchronization

/// The policy principals of recently seen SPIFFE IDs: parsing an ID and building its Rego object
/// once per caller instead of once per request. Bounded: when full, it starts over.
final class PrincipalCache: Sendable {
    private let entries = Mutex<[String: AuthorizationInput.Principal]>([:])
    private let capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// The principal of a verified caller ID (as the transport gives it), `anonymous` for none.
    func principal(caller: String?) -> AuthorizationInput.Principal {
        guard let caller else { return .anonymous }
        if let known = entries.withLock({ $0[caller] }) { return known }
        guard let id = try? SPIFFEID(parsing: caller) else { return .anonymous }
        return remember(caller, AuthorizationInput.Principal(id))
    }

    /// The principal of `id` (this agent's own, which changes only with a new SVID).
    func principal(_ id: SPIFFEID?) -> AuthorizationInput.Principal {
        guard let id else { return .anonymous }
        let key = id.description
        if let known = entries.withLock({ $0[key] }) { return known }
        return remember(key, AuthorizationInput.Principal(id))
    }

    private func remember(_ key: String, _ principal: AuthorizationInput.Principal) -> AuthorizationInput.Principal {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = principal
        }
        return principal
    }
}
