import Foundation
import Rego

/// The outcome of one authorization: allowed or not, why, and where it came from.
public struct AuthorizationDecision: Sendable, Hashable {
    public var allow: Bool
    /// Reasons the policy gave (or why no decision could be made: errors, timeouts, undefined).
    public var reasons: [String]
    /// Unique id of this decision (for logs and spans).
    public var decisionID: String
    /// The revision of the policy that decided (content hash, or the OPA revision).
    public var policyRevision: String

    public init(allow: Bool, reasons: [String], decisionID: String = DecisionID.next(),
                policyRevision: String) {
        self.allow = allow
        self.reasons = reasons
        self.decisionID = decisionID
        self.policyRevision = policyRevision
    }

    /// A denial because no valid decision could be obtained (fail closed).
    public static func failClosed(_ reason: String, revision: String) -> AuthorizationDecision {
        AuthorizationDecision(allow: false, reasons: [reason], policyRevision: revision)
    }

    /// Reads a decision from a query result: an object `{"allow": bool, "reasons": [...]}` or a bare
    /// boolean. Anything else (undefined, another shape, `allow` not a boolean) denies.
    public static func interpret(_ value: RegoValue?, revision: String) -> AuthorizationDecision {
        switch value {
        case nil:
            return .failClosed("policy decision is undefined", revision: revision)
        case .bool(let allow)?:
            return AuthorizationDecision(allow: allow, reasons: [], policyRevision: revision)
        case .object(let object)?:
            guard case .bool(let allow)? = object["allow"] else {
                return .failClosed("policy decision has no boolean 'allow'", revision: revision)
            }
            return AuthorizationDecision(allow: allow, reasons: reasons(object["reasons"]), policyRevision: revision)
        default:
            return .failClosed("policy decision is neither an object nor a boolean", revision: revision)
        }
    }

    private static func reasons(_ value: RegoValue?) -> [String] {
        let items: [RegoValue]
        switch value {
        case .array(let array)?: items = array
        case .set(let set)?: items = set.elements
        case .string(let single)?: return [single]
        default: return []
        }
        return items.map { item in
            if case .string(let text) = item { return text }
            return String(decoding: item.jsonData(), as: UTF8.self)
        }
    }
}
