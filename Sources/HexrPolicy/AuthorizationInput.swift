import Foundation
import Rego
import SPIFFE

/// The input document of every authorization decision (package `hexr.authz`):
///
/// ```json
/// {"source":      {"spiffe_id", "trust_domain", "tenant", "agent"},
///  "destination": {"spiffe_id", "trust_domain", "tenant", "agent"},
///  "action":      {"kind": "a2a"|"discover"|"register", "method", "skill", "task_id", "context_id"},
///  "request":     {"time": "RFC 3339", "trace_id"},
///  "attributes":  {"source": {"principal"}, "destination": {"principal"}}}   // Envoy-style aliases
/// ```
/// Source and destination come from verified SPIFFE IDs only, never from a payload.
public struct AuthorizationInput: Sendable, Hashable {
    /// One side of an exchange.
    public struct Principal: Sendable, Hashable {
        public var spiffeID: String
        public var trustDomain: String
        public var tenant: String?
        public var agent: String?

        /// The principal named by `id`; tenant and agent are read from Hexr's ID scheme.
        public init(_ id: SPIFFEID) {
            spiffeID = id.description
            trustDomain = id.trustDomain.name
            let hexr = HexrIdentity(id)
            tenant = hexr?.tenant
            agent = hexr?.agent ?? hexr?.service
        }

        /// An unauthenticated principal (plain-HTTP transport): all fields empty.
        public static let anonymous = Principal(spiffeID: "", trustDomain: "", tenant: nil, agent: nil)

        public init(spiffeID: String, trustDomain: String, tenant: String?, agent: String?) {
            self.spiffeID = spiffeID
            self.trustDomain = trustDomain
            self.tenant = tenant
            self.agent = agent
        }
    }

    /// What is being attempted.
    public struct Action: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case a2a, discover, register
        }

        public var kind: Kind
        public var method: String?
        public var skill: String?
        public var taskID: String?
        public var contextID: String?

        public init(kind: Kind, method: String? = nil, skill: String? = nil, taskID: String? = nil,
                    contextID: String? = nil) {
            self.kind = kind
            self.method = method
            self.skill = skill
            self.taskID = taskID
            self.contextID = contextID
        }
    }

    public var source: Principal
    public var destination: Principal
    public var action: Action
    public var time: Date
    public var traceID: String?

    public init(source: Principal, destination: Principal, action: Action, time: Date = Date(),
                traceID: String? = nil) {
        self.source = source
        self.destination = destination
        self.action = action
        self.time = time
        self.traceID = traceID
    }

    /// The input as a Rego value (built directly, no JSON round trip).
    public var regoValue: RegoValue {
        func principal(_ p: Principal) -> RegoValue {
            var fields: [String: RegoValue] = ["spiffe_id": .string(p.spiffeID), "trust_domain": .string(p.trustDomain)]
            if let tenant = p.tenant { fields["tenant"] = .string(tenant) }
            if let agent = p.agent { fields["agent"] = .string(agent) }
            return .object(RegoObject(fields))
        }
        var action: [String: RegoValue] = ["kind": .string(self.action.kind.rawValue)]
        if let method = self.action.method { action["method"] = .string(method) }
        if let skill = self.action.skill { action["skill"] = .string(skill) }
        if let task = self.action.taskID { action["task_id"] = .string(task) }
        if let context = self.action.contextID { action["context_id"] = .string(context) }
        var request: [String: RegoValue] = ["time": .string(RFC3339.format(time))]
        if let traceID { request["trace_id"] = .string(traceID) }
        return .object(RegoObject([
            "source": principal(source),
            "destination": principal(destination),
            "action": .object(RegoObject(action)),
            "request": .object(RegoObject(request)),
            "attributes": .object(RegoObject([
                "source": .object(RegoObject(["principal": .string(source.spiffeID)])),
                "destination": .object(RegoObject(["principal": .string(destination.spiffeID)])),
            ])),
        ]))
    }

    /// The input as JSON (for OPA and the decision log).
    public var json: [UInt8] { regoValue.jsonData() }
}

/// RFC 3339 UTC timestamps with milliseconds (`2026-11-25T21:40:00.123Z`).
enum RFC3339 {
    static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let seconds = interval.rounded(.down)
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let millis = min(999, Int((interval - seconds) * 1000))
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))T"
            + "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2)).\(pad(millis, 3))Z"
    }
}
