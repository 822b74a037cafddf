import A2A

/// What an agent declares about itself: its name and tenant (which, with the trust domain, make
/// its SPIFFE ID `spiffe://<td>/agent/<tenant>/<name>`), whether it serves A2A, and its skills.
public struct AgentConfig: Sendable {
    public var name: String
    public var tenant: String
    /// Serve A2A: start the mTLS server, register the card, enforce policy.
    public var a2a: Bool
    public var description: String
    public var skills: [AgentSkill]

    public init(name: String, tenant: String, a2a: Bool = false, description: String = "",
                skills: [AgentSkill] = []) {
        self.name = name
        self.tenant = tenant
        self.a2a = a2a
        self.description = description.isEmpty ? name : description
        self.skills = skills
    }

    /// A skill declaration (convenience for `AgentSkill`).
    public static func skill(_ id: String, _ description: String, tags: [String] = []) -> AgentSkill {
        AgentSkill(id: id, name: id, description: description, tags: tags.isEmpty ? [id] : tags)
    }
}
