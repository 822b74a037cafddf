/// A streamed new or extended artifact.
public struct TaskArtifactUpdateEvent: Sendable, Hashable {
    public var taskId: String
    public var contextId: String
    public var artifact: Artifact
    /// Append these parts to the artifact with the same `artifactId` instead of replacing it.
    public var append: Bool
    /// This is the artifact's final chunk.
    public var lastChunk: Bool
    public var metadata: JSONObject?

    public init(
        taskId: String, contextId: String, artifact: Artifact, append: Bool = false, lastChunk: Bool = false,
        metadata: JSONObject? = nil
    ) {
        self.taskId = taskId
        self.contextId = contextId
        self.artifact = artifact
        self.append = append
        self.lastChunk = lastChunk
        self.metadata = metadata
    }
}

extension TaskArtifactUpdateEvent: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        taskId = try fields.require(String.self, "taskId")
        contextId = try fields.require(String.self, "contextId")
        artifact = try fields.require(Artifact.self, "artifact")
        append = try fields.flag("append")
        lastChunk = try fields.flag("lastChunk")
        metadata = try fields.object("metadata")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.encode(taskId, "taskId")
        try fields.encode(contextId, "contextId")
        try fields.encode(artifact, "artifact")
        try fields.flag(append, "append")
        try fields.flag(lastChunk, "lastChunk")
        try fields.encodeIfPresent(metadata, "metadata")
    }
}
