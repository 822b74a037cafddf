import A2A
import HexrPolicy
import Logging
import SPIFFE

/// Enforces authorization on an agent: every inbound A2A request is decided by the `Authorizer`
/// with the caller's verified SPIFFE ID as source and this agent's own ID as destination. A denial
/// becomes `permissionDenied` carrying the policy's reasons and the decision id; nothing runs.
public struct PolicyGate: A2ARequestGate {
    private let authorizer: any Authorizer
    private let destination: @Sendable () -> SPIFFEID?
    private let logger: Logger

    /// - Parameter destination: this agent's own SPIFFE ID (read per request: it follows rotation).
    public init(authorizer: any Authorizer, destination: @escaping @Sendable () -> SPIFFEID?,
                logger: Logger = Logger(label: "hexr.policy.gate")) {
        self.authorizer = authorizer
        self.destination = destination
        self.logger = logger
    }

    public func admit(_ request: A2AGateRequest, context: A2ACallContext) async throws(A2AError) {
        let source = context.caller.flatMap { try? SPIFFEID(parsing: $0) }
            .map(AuthorizationInput.Principal.init) ?? .anonymous
        let target = destination().map(AuthorizationInput.Principal.init) ?? .anonymous
        let input = AuthorizationInput(
            source: source, destination: target,
            action: .init(kind: .a2a, method: request.method.rawValue, skill: request.skill, taskID: request.taskID,
                          contextID: request.contextID),
            traceID: context.attributes["trace_id"])
        let decision = await authorizer.authorize(input)
        if decision.allow {
            // Every message sent to the agent shows its decision; reads are logged at debug.
            let isSend = request.method == .sendMessage || request.method == .sendStreamingMessage
            logger.log(level: isSend ? .info : .debug, "policy allowed \(request.method.rawValue)", metadata: [
                "source": "\(source.spiffeID)", "skill": "\(request.skill ?? "-")",
                "reasons": "\(decision.reasons.joined(separator: "; "))", "decision_id": "\(decision.decisionID)",
            ])
        }
        guard decision.allow else {
            logger.notice("policy denied \(request.method.rawValue)", metadata: [
                "source": "\(source.spiffeID)", "destination": "\(target.spiffeID)",
                "method": "\(request.method.rawValue)", "reasons": "\(decision.reasons)",
                "decision_id": "\(decision.decisionID)",
            ])
            let reasons = decision.reasons.isEmpty ? "no rule allowed it" : decision.reasons.joined(separator: "; ")
            throw A2AError.permissionDenied(
                "Denied by policy: \(reasons)",
                metadata: ["decision_id": decision.decisionID, "reasons": decision.reasons.joined(separator: "; ")])
        }
    }
}
