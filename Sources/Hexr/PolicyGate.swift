import A2A
import HexrPolicy
import Logging
import SPIFFE
import Tracing

/// Enforces authorization on an agent: every inbound A2A request is decided by the `Authorizer`
/// with the caller's verified SPIFFE ID as source and this agent's own ID as destination. A denial
/// becomes `permissionDenied` carrying the policy's reasons and the decision id; nothing runs.
/// Each decision is a span `hexr.authz.decision` (an error span when it denies).
public struct PolicyGate: A2ARequestGate {
    private let authorizer: any Authorizer
    private let destination: @Sendable () -> SPIFFEID?
    private let tracer: any Tracer
    private let logger: Logger
    private let principals = PrincipalCache()

    /// - Parameter destination: this agent's own SPIFFE ID (read per request: it follows rotation).
    public init(authorizer: any Authorizer, destination: @escaping @Sendable () -> SPIFFEID?,
                tracer: any Tracer = InstrumentationSystem.tracer,
                logger: Logger = Logger(label: "hexr.policy.gate")) {
        self.authorizer = authorizer
        self.destination = destination
        self.tracer = tracer
        self.logger = logger
    }

    public func admit(_ request: A2AGateRequest, context: A2ACallContext) async throws(A2AError) {
        let source = principals.principal(caller: context.caller)
        let target = principals.principal(destination())
        let input = AuthorizationInput(
            source: source, destination: target,
            action: .init(kind: .a2a, method: request.method.rawValue, skill: request.skill, taskID: request.taskID,
                          contextID: request.contextID),
            traceID: context.attributes["trace_id"])
        let span = tracer.startSpan("hexr.authz.decision", ofKind: .internal)
        defer { span.end() }
        let decision = await authorizer.authorize(input)
        if span.isRecording {  // an unsampled span costs no attribute building
            var attributes = SpanAttributes()
            attributes["hexr.authz.allow"] = decision.allow
            attributes["hexr.authz.decision"] = decision.allow ? "allow" : "deny"
            attributes["hexr.authz.reasons"] = decision.reasons
            attributes["hexr.authz.decision_id"] = decision.decisionID
            attributes["hexr.authz.source"] = source.spiffeID
            attributes["hexr.authz.destination"] = target.spiffeID
            attributes["hexr.authz.method"] = request.method.rawValue
            if let skill = request.skill { attributes["hexr.authz.skill"] = skill }
            if !decision.allow { attributes["error.type"] = "authz_denied" }
            span.attributes = attributes
        }
        if !decision.allow { span.setStatus(SpanStatus(code: .error, message: "denied by policy")) }
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
