import SPIFFE

/// Why the registry refused a request.
public enum RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The caller's identity is not an agent identity (`spiffe://<td>/agent/<tenant>/<agent>[/<role>]`).
    case notAnAgentIdentity(String)
    /// The card names another agent than the caller's identity.
    case nameMismatch(card: String, identity: String)
    /// Policy does not allow the caller to register.
    case registrationDenied(String)
    /// The caller has no registration to renew.
    case notRegistered(String)
    /// The store failed.
    case storeUnavailable(String)
    /// Only the control plane's operator identities may list every tenant's agents.
    case notAnOperator(String)

    public var description: String {
        switch self {
        case .notAnAgentIdentity(let id):
            "\(id) is not an agent identity; only spiffe://<trust-domain>/agent/<tenant>/<agent> may register"
        case .nameMismatch(let card, let identity):
            "the card names agent '\(card)' but the caller's SPIFFE ID is agent '\(identity)'; an agent can only register its own name"
        case .registrationDenied(let reasons): "registration denied by policy: \(reasons)"
        case .notRegistered(let id): "\(id) is not registered (register before sending heartbeats)"
        case .storeUnavailable(let detail): "the registry store is unavailable: \(detail)"
        case .notAnOperator(let id): "\(id) is not an operator identity of this control plane"
        }
    }
}
