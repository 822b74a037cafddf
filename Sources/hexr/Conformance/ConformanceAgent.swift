import A2A
import Foundation

/// The A2A TCK's system under test (`a2aproject/a2a-tck`, branch `1.0-dev`, `scenarios/*.feature`):
/// the behaviour is chosen by the prefix of the incoming message's `messageId`.
struct ConformanceAgent: AgentHandler {
    /// How long the resubscription scenario keeps its task working (twice the TCK's 2 s streaming timeout).
    var resubscribeDelay: Duration = .seconds(4)

    func handle(_ task: TaskContext) async throws {
        let id = task.message.messageId
        func prefix(_ p: String) -> Bool { id.hasPrefix(p) }
        switch true {
        case prefix("tck-stream-artifact-chunked"):
            try await task.working()
            let artifactID = RandomIdentifier.uuid()
            try await task.addArtifact(Self.artifact(artifactID, [.text("chunk-1 ")]), append: true)
            try await task.addArtifact(Self.artifact(artifactID, [.text("chunk-2")]), append: true, lastChunk: true)
            try await task.complete()
        case prefix("test-resubscribe-message-id"):
            try await task.working()
            try await Task.sleep(for: resubscribeDelay)
            try await task.complete()
        case prefix("tck-stream-artifact-text"):
            try await streamed(task, [.text("Streamed text content")])
        case prefix("tck-stream-artifact-file"):
            try await streamed(task, [Self.filePart])
        case prefix("tck-stream-ordering-001"):
            try await streamed(task, [.text("Ordered output")])
        case prefix("tck-stream-001"):
            try await streamed(task, [.text("Stream hello from TCK")])
        case prefix("tck-stream-002"):
            try await task.complete()
        case prefix("tck-stream-003"):
            try await streamed(task, [.text("Stream task lifecycle")])
        case prefix("tck-artifact-file-url"):
            try await task.addArtifact(parts: [
                .url("https://example.com/output.txt", filename: "output.txt", mediaType: "text/plain"),
            ])
            try await task.complete()
        case prefix("tck-message-response"):
            try await task.reply("Direct message response")
        case prefix("tck-input-required"):
            try await task.setStatus(.inputRequired)
        case prefix("tck-complete-task"):
            try await task.complete("Hello from TCK")
        case prefix("tck-artifact-text"):
            try await task.addArtifact(parts: [.text("Generated text content")])
            try await task.complete()
        case prefix("tck-artifact-file"):
            try await task.addArtifact(parts: [Self.filePart])
            try await task.complete()
        case prefix("tck-artifact-data"):
            try await task.addArtifact(parts: [.data(["key": "value", "count": 42])])
            try await task.complete()
        case prefix("tck-reject-task"):
            try await task.reject("rejected")
        default:
            try await task.complete("Unhandled messageId prefix: \(id)")
        }
    }

    private func streamed(_ task: TaskContext, _ parts: [Part]) async throws {
        try await task.working()
        try await task.addArtifact(parts: parts)
        try await task.complete()
    }

    private static let filePart = Part.raw(Data("tck".utf8), filename: "output.txt", mediaType: "text/plain")

    private static func artifact(_ id: String, _ parts: [Part]) -> Artifact {
        Artifact(artifactId: id, name: nil, description: nil, parts: parts, metadata: nil, extensions: [])
    }

    /// What the card declares. The TCK provokes some errors only when a capability is off (-32003,
    /// -32004), or when the card requires an extension: one agent cannot show every MUST at once.
    struct Profile: Sendable {
        var streaming = true
        var pushNotifications = true
        var extendedAgentCard = false
        var requiredExtensions: [String] = []
    }

    /// The card the TCK reads: JSON-RPC and HTTP+JSON at `baseURL`, capabilities from `profile`.
    static func card(baseURL: URL, paths: (jsonRPC: String, rest: String), profile: Profile = Profile()) -> AgentCard {
        let base = baseURL.absoluteString
        return AgentCard(
            name: "Hexr conformance agent",
            description: "System under test for the A2A TCK (a2aproject/a2a-tck, branch 1.0-dev)",
            supportedInterfaces: [
                AgentInterface(url: base + paths.jsonRPC, protocolBinding: AgentInterface.Binding.jsonRPC,
                               tenant: nil, protocolVersion: "1.0"),
                AgentInterface(url: base + paths.rest, protocolBinding: AgentInterface.Binding.httpJSON,
                               tenant: nil, protocolVersion: "1.0"),
            ],
            provider: AgentProvider(url: "https://github.com/hexr", organization: "Hexr"),
            version: "1.0.0", documentationUrl: nil,
            capabilities: AgentCapabilities(
                streaming: profile.streaming, pushNotifications: profile.pushNotifications,
                extensions: profile.requiredExtensions.map {
                    AgentExtension(uri: $0, description: "required by `hexr conformance-agent --required-extension`",
                                   required: true)
                },
                extendedAgentCard: profile.extendedAgentCard),
            securitySchemes: [:], securityRequirements: [],
            defaultInputModes: ["text/plain"], defaultOutputModes: ["text/plain"],
            skills: [AgentSkill(id: "tck", name: "TCK Conformance",
                                description: "Handles TCK conformance test messages", tags: ["tck"],
                                examples: [], inputModes: [], outputModes: [], securityRequirements: [])],
            signatures: [], iconUrl: nil)
    }
}
