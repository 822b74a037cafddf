/// The Hexr reading of a SPIFFE ID: an agent (`spiffe://<td>/agent/<tenant>/<agent>[/<role>]`) or a Hexr
/// service (`spiffe://<td>/hexr/<service>`). Other shapes are not Hexr identities.
public struct HexrIdentity: Hashable, Sendable {
    /// What the ID names.
    public enum Kind: Hashable, Sendable {
        /// An agent of a tenant, optionally acting in a role.
        case agent(tenant: String, agent: String, role: String?)
        /// A Hexr platform service such as `control-plane`.
        case service(String)
    }

    /// The underlying SPIFFE ID.
    public let id: SPIFFEID
    /// What the ID names.
    public let kind: Kind

    /// Reads `id`; `nil` when it is neither an agent nor a service ID.
    public init?(_ id: SPIFFEID) {
        let segments = id.segments.map(String.init)
        switch (segments.first, segments.count) {
        case ("agent", 3):
            self.kind = .agent(tenant: segments[1], agent: segments[2], role: nil)
        case ("agent", 4):
            self.kind = .agent(tenant: segments[1], agent: segments[2], role: segments[3])
        case ("hexr", 2):
            self.kind = .service(segments[1])
        default:
            return nil
        }
        self.id = id
    }

    /// The tenant of an agent identity.
    public var tenant: String? {
        if case .agent(let tenant, _, _) = kind { tenant } else { nil }
    }

    /// The agent name of an agent identity.
    public var agent: String? {
        if case .agent(_, let agent, _) = kind { agent } else { nil }
    }

    /// The role of an agent identity, when the ID has one.
    public var role: String? {
        if case .agent(_, _, let role) = kind { role } else { nil }
    }

    /// The service name of a service identity.
    public var service: String? {
        if case .service(let service) = kind { service } else { nil }
    }

    /// `spiffe://<td>/agent/<tenant>/<agent>[/<role>]`, with every segment validated.
    public static func agentID(
        in trustDomain: TrustDomain,
        tenant: String,
        agent: String,
        role: String? = nil
    ) throws(SPIFFEIDError) -> SPIFFEID {
        try SPIFFEID(trustDomain: trustDomain, segments: ["agent", tenant, agent] + (role.map { [$0] } ?? []))
    }

    /// `spiffe://<td>/hexr/<service>`, with the segment validated.
    public static func serviceID(in trustDomain: TrustDomain, service: String) throws(SPIFFEIDError) -> SPIFFEID {
        try SPIFFEID(trustDomain: trustDomain, segments: ["hexr", service])
    }
}
