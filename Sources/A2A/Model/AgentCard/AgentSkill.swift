/// A capability the agent advertises.
public struct AgentSkill: Sendable, Hashable {
    public var id: String
    public var name: String
    public var description: String
    public var tags: [String]
    /// Example prompts.
    public var examples: [String]
    /// Media types accepted, overriding the card's defaults.
    public var inputModes: [String]
    /// Media types produced, overriding the card's defaults.
    public var outputModes: [String]
    /// Security for this skill: any one entry must be satisfied.
    public var securityRequirements: [SecurityRequirement]

    public init(
        id: String, name: String, description: String, tags: [String], examples: [String] = [],
        inputModes: [String] = [], outputModes: [String] = [], securityRequirements: [SecurityRequirement] = []
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.tags = tags
        self.examples = examples
        self.inputModes = inputModes
        self.outputModes = outputModes
        self.securityRequirements = securityRequirements
    }
}

extension AgentSkill: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        id = try fields.require(String.self, "id")
        name = try fields.require(String.self, "name")
        description = try fields.require(String.self, "description")
        tags = try fields.list(String.self, "tags")
        examples = try fields.list(String.self, "examples")
        inputModes = try fields.list(String.self, "inputModes")
        outputModes = try fields.list(String.self, "outputModes")
        securityRequirements = try fields.list(SecurityRequirement.self, "securityRequirements")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(id, "id")
        try fields.encode(name, "name")
        try fields.encode(description, "description")
        try fields.encode(tags, "tags")
        try fields.list(examples, "examples")
        try fields.list(inputModes, "inputModes")
        try fields.list(outputModes, "outputModes")
        try fields.list(securityRequirements, "securityRequirements")
    }
}
