/// An output of a task, made of parts.
public struct Artifact: Sendable, Hashable {
    public var artifactId: String
    public var name: String?
    public var description: String?
    public var parts: [Part]
    public var metadata: JSONObject?
    /// URIs of the extensions used in this artifact.
    public var extensions: [String]

    public init(
        artifactId: String, name: String? = nil, description: String? = nil, parts: [Part],
        metadata: JSONObject? = nil, extensions: [String] = []
    ) {
        self.artifactId = artifactId
        self.name = name
        self.description = description
        self.parts = parts
        self.metadata = metadata
        self.extensions = extensions
    }
}

extension Artifact: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        artifactId = try fields.require(String.self, "artifactId")
        name = try fields.string("name")
        description = try fields.string("description")
        parts = try fields.requireList(Part.self, "parts")
        metadata = try fields.object("metadata")
        extensions = try fields.list(String.self, "extensions")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(artifactId, "artifactId")
        try fields.string(name, "name")
        try fields.string(description, "description")
        try fields.encode(parts, "parts")
        try fields.encodeIfPresent(metadata, "metadata")
        try fields.list(extensions, "extensions")
    }
}
