/// Decides whether an exchange may happen. Implementations never throw: every failure to decide
/// (a policy error, an unreachable OPA, a malformed answer) is a denial with the reason.
public protocol Authorizer: Sendable {
    func authorize(_ input: AuthorizationInput) async -> AuthorizationDecision
}
