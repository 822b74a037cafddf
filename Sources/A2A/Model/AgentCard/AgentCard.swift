/// An agent's self-description, served at `/.well-known/agent-card.json`.
///
/// Decoding ignores unknown members, so merged v1.0 + v0.3 cards (extra top-level `url`,
/// `preferredTransport`, `protocolVersion`; `type` inside schemes) read as their v1.0 part.
public struct AgentCard: Sendable, Hashable {
    public var name: String
    public var description: String
    /// Endpoints in order of preference.
    public var supportedInterfaces: [AgentInterface]
    public var provider: AgentProvider?
    /// The agent's own version.
    public var version: String
    public var documentationUrl: String?
    public var capabilities: AgentCapabilities
    /// Scheme name → scheme, referenced by `securityRequirements`.
    public var securitySchemes: [String: SecurityScheme]
    /// Any one entry must be satisfied.
    public var securityRequirements: [SecurityRequirement]
    public var defaultInputModes: [String]
    public var defaultOutputModes: [String]
    public var skills: [AgentSkill]
    public var signatures: [AgentCardSignature]
    public var iconUrl: String?

    public init(
        name: String, description: String, supportedInterfaces: [AgentInterface], provider: AgentProvider? = nil,
        version: String, documentationUrl: String? = nil, capabilities: AgentCapabilities = AgentCapabilities(),
        securitySchemes: [String: SecurityScheme] = [:], securityRequirements: [SecurityRequirement] = [],
        defaultInputModes: [String], defaultOutputModes: [String], skills: [AgentSkill],
        signatures: [AgentCardSignature] = [], iconUrl: String? = nil
    ) {
        self.name = name
        self.description = description
        self.supportedInterfaces = supportedInterfaces
        self.provider = provider
        self.version = version
        self.documentationUrl = documentationUrl
        self.capabilities = capabilities
        self.securitySchemes = securitySchemes
        self.securityRequirements = securityRequirements
        self.defaultInputModes = defaultInputModes
        self.defaultOutputModes = defaultOutputModes
        self.skills = skills
        self.signatures = signatures
        self.iconUrl = iconUrl
    }
}

extension AgentCard: Codable {
    /// Required lists that are absent read as empty (a plain ProtoJSON writer omits empty lists).
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        name = try fields.require(String.self, "name")
        description = try fields.require(String.self, "description")
        supportedInterfaces = try fields.list(AgentInterface.self, "supportedInterfaces")
        provider = try fields.decode(AgentProvider.self, "provider")
        version = try fields.require(String.self, "version")
        documentationUrl = try fields.decode(String.self, "documentationUrl")
        capabilities = try fields.require(AgentCapabilities.self, "capabilities")
        securitySchemes = try fields.decode([String: SecurityScheme].self, "securitySchemes") ?? [:]
        securityRequirements = try fields.list(SecurityRequirement.self, "securityRequirements")
        defaultInputModes = try fields.list(String.self, "defaultInputModes")
        defaultOutputModes = try fields.list(String.self, "defaultOutputModes")
        skills = try fields.list(AgentSkill.self, "skills")
        signatures = try fields.list(AgentCardSignature.self, "signatures")
        iconUrl = try fields.decode(String.self, "iconUrl")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(name, "name")
        try fields.encode(description, "description")
        try fields.encode(supportedInterfaces, "supportedInterfaces")
        try fields.encodeIfPresent(provider, "provider")
        try fields.encode(version, "version")
        try fields.encodeIfPresent(documentationUrl, "documentationUrl")
        try fields.encode(capabilities, "capabilities")
        try fields.map(securitySchemes, "securitySchemes")
        try fields.list(securityRequirements, "securityRequirements")
        try fields.encode(defaultInputModes, "defaultInputModes")
        try fields.encode(defaultOutputModes, "defaultOutputModes")
        try fields.encode(skills, "skills")
        try fields.list(signatures, "signatures")
        try fields.encodeIfPresent(iconUrl, "iconUrl")
    }
}
