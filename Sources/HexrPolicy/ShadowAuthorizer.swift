import Logging
import Synchronization

/// Enforces one policy while evaluating a candidate beside it: every input where the two
/// disagree is logged (and counted), so a policy change can be proven on live traffic first.
public final class ShadowAuthorizer: Authorizer {
    /// One disagreement.
    public struct Disagreement: Sendable {
        public var input: AuthorizationInput
        public var enforced: AuthorizationDecision
        public var candidate: AuthorizationDecision
    }

    private let enforced: any Authorizer
    private let candidate: any Authorizer
    private let logger: Logger
    private let seen = Mutex<(recent: [Disagreement], total: Int)>(([], 0))

    public init(enforced: any Authorizer, candidate: any Authorizer,
                logger: Logger = Logger(label: "hexr.policy.shadow")) {
        self.enforced = enforced
        self.candidate = candidate
        self.logger = logger
    }

    /// The disagreements so far (the most recent 1,000).
    public var disagreements: [Disagreement] { seen.withLock { $0.recent } }

    /// How many decisions the two policies disagreed on since this authorizer was created.
    public var disagreementCount: Int { seen.withLock { $0.total } }

    public func authorize(_ input: AuthorizationInput) async -> AuthorizationDecision {
        async let shadow = candidate.authorize(input)
        let decision = await enforced.authorize(input)
        let other = await shadow
        if decision.allow != other.allow {
            logger.warning("shadow policy disagrees", metadata: [
                "source": "\(input.source.spiffeID)", "destination": "\(input.destination.spiffeID)",
                "method": "\(input.action.method ?? "")", "enforced": "\(decision.allow)",
                "candidate": "\(other.allow)", "candidate.reasons": "\(other.reasons)",
            ])
            seen.withLock { seen in
                seen.recent.append(Disagreement(input: input, enforced: decision, candidate: other))
                if seen.recent.count > 1000 { seen.recent.removeFirst() }
                seen.total += 1
            }
        }
        return decision
    }
}
