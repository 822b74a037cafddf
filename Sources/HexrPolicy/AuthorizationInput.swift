import Foundation
import Rego
import SPIFFE
import Synchronization

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
        public let spiffeID: String
        public let trustDomain: String
        public let tenant: String?
        public let agent: String?
        /// The principal as a Rego object, built once.
        let regoValue: RegoValue
        /// Its Envoy-style alias `{"principal": spiffe_id}`, built once.
        let attributeValue: RegoValue

        /// The principal named by `id`; tenant and agent are read from Hexr's ID scheme.
        public init(_ id: SPIFFEID) {
            let hexr = HexrIdentity(id)
            self.init(spiffeID: id.description, trustDomain: id.trustDomain.name, tenant: hexr?.tenant,
                      agent: hexr?.agent ?? hexr?.service)
        }

        /// An unauthenticated principal (plain-HTTP transport): all fields empty.
        public static let anonymous = Principal(spiffeID: "", trustDomain: "", tenant: nil, agent: nil)

        public init(spiffeID: String, trustDomain: String, tenant: String?, agent: String?) {
            self.spiffeID = spiffeID
            self.trustDomain = trustDomain
            self.tenant = tenant
            self.agent = agent
            regoValue = AuthorizationInput.object([
                ("agent", agent.map(RegoValue.string)),
                ("spiffe_id", .string(spiffeID)),
                ("tenant", tenant.map(RegoValue.string)),
                ("trust_domain", .string(trustDomain)),
            ])
            attributeValue = AuthorizationInput.object([("principal", .string(spiffeID))])
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

    /// The input as a Rego value (built directly, no JSON round trip; keys are listed in sorted
    /// order so no sorting happens on the decision path).
    public var regoValue: RegoValue {
        Self.object([
            ("action", Self.object([
                ("context_id", action.contextID.map(RegoValue.string)),
                ("kind", .string(action.kind.rawValue)),
                ("method", action.method.map(RegoValue.string)),
                ("skill", action.skill.map(RegoValue.string)),
                ("task_id", action.taskID.map(RegoValue.string)),
            ])),
            ("attributes", Self.object([
                ("destination", destination.attributeValue),
                ("source", source.attributeValue),
            ])),
            ("destination", destination.regoValue),
            ("request", Self.object([
                ("time", .string(RFC3339.format(time))),
                ("trace_id", traceID.map(RegoValue.string)),
            ])),
            ("source", source.regoValue),
        ])
    }

    /// An object from keys in ascending order; absent values are left out.
    static func object(_ fields: [(String, RegoValue?)]) -> RegoValue {
        var entries: [RegoObject.Entry] = []
        entries.reserveCapacity(fields.count)
        for (key, value) in fields {
            if let value { entries.append((.string(key), value)) }
        }
        return .object(RegoObject(entries: entries))
    }

    /// The input as JSON (for OPA and the decision log).
    public var json: [UInt8] { regoValue.jsonData() }
}

/// RFC 3339 UTC timestamps with milliseconds (`2026-11-25T21:40:00.123Z`). The last string is
/// cached per millisecond: decisions come in bursts, hundreds within the same millisecond.
enum RFC3339 {
    private static let last = Mutex<(millisecond: Int64, text: String)>((.min, ""))

    static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let seconds = interval.rounded(.down)
        let millis = min(999, Int((interval - seconds) * 1000))
        let millisecond = Int64(seconds) * 1000 + Int64(millis)
        return last.withLock { cached -> String in
            if cached.millisecond == millisecond { return cached.text }
            let text = secondsPrefix(Int64(seconds)) + pad(millis, 3) + "Z"
            cached = (millisecond, text)
            return text
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS.` for `second` since 1970, UTC.
    private static func secondsPrefix(_ second: Int64) -> String {
        var time = time_t(second)
        var parts = tm()
        gmtime_r(&time, &parts)
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))T"
            + "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))."
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
