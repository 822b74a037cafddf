import Foundation
import HexrPolicy
import SPIFFE

/// Principals and inputs for the policy tests.
enum Inputs {
    /// `spiffe://hexr.local/agent/<tenant>/<agent>` as a principal.
    static func agent(_ tenant: String, _ name: String) throws -> AuthorizationInput.Principal {
        let domain = try TrustDomain(parsing: "hexr.local")
        return AuthorizationInput.Principal(try HexrIdentity.agentID(in: domain, tenant: tenant, agent: name))
    }

    /// An A2A `SendMessage` from `source` to `destination`.
    static func call(from source: AuthorizationInput.Principal, to destination: AuthorizationInput.Principal,
                     skill: String? = nil, traceID: String? = nil, time: Date = Date()) -> AuthorizationInput {
        AuthorizationInput(source: source, destination: destination,
                           action: .init(kind: .a2a, method: "SendMessage", skill: skill),
                           time: time, traceID: traceID)
    }

    /// A call from acme/coordinator to globex/researcher (across tenants).
    static func crossTenant(skill: String? = nil, traceID: String? = nil) throws -> AuthorizationInput {
        call(from: try agent("acme", "coordinator"), to: try agent("globex", "researcher"), skill: skill,
             traceID: traceID)
    }

    /// A call from acme/coordinator to acme/writer (same tenant).
    static func sameTenant(traceID: String? = nil) throws -> AuthorizationInput {
        call(from: try agent("acme", "coordinator"), to: try agent("acme", "writer"), traceID: traceID)
    }

    /// `data.json` text granting acme/coordinator → globex/researcher, optionally for one skill.
    static func grantData(skill: String? = nil) -> String {
        let skillField = skill.map { #","skill":"\#($0)""# } ?? ""
        return #"{"grants":[{"source":"spiffe://hexr.local/agent/acme/coordinator","#
            + #""destination":"spiffe://hexr.local/agent/globex/researcher"\#(skillField)}]}"#
    }
}
