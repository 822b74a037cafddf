import A2A
import A2AHTTP
import Foundation

/// The interop behaviour shared with `Tests/Interop/a2a/echo_server.py` (see its header):
/// `input` asks for input, `slow` works until cancelled (≤ 30 s), `reply` answers with a message,
/// `fail` fails, anything else is echoed as an artifact.
public struct EchoAgent: AgentHandler {
    public init() {}

    public func handle(_ task: TaskContext) async throws {
        let text = task.text
        if task.isContinuation {
            try await task.addArtifact(name: "reply", parts: [.text("echo: \(text)")])
            try await task.complete()
            return
        }
        switch text {
        case "input":
            try await task.requireInput("what else?")
        case "slow":
            try await task.working("working...")
            try await Task.sleep(for: .seconds(30))
            try await task.addArtifact(name: "reply", parts: [.text("echo: slow")])
            try await task.complete()
        case "reply":
            try await task.reply("direct: reply")
        case "fail":
            try await task.fail("failed on purpose")
        default:
            try await task.working("working...")
            try await task.addArtifact(name: "reply", parts: [.text("echo: \(text)")])
            try await task.complete()
        }
    }

    public static func card(baseURL: URL, paths: A2AServerPaths = A2AServerPaths()) -> AgentCard {
        let base = baseURL.absoluteString
        return AgentCard(
            name: "Interop Echo", description: "Echoes input",
            supportedInterfaces: [
                AgentInterface(url: base + paths.jsonRPC, protocolBinding: AgentInterface.Binding.jsonRPC,
                               tenant: nil, protocolVersion: "1.0"),
                AgentInterface(url: base + paths.rest, protocolBinding: AgentInterface.Binding.httpJSON,
                               tenant: nil, protocolVersion: "1.0"),
            ],
            provider: nil, version: "1.0.0", documentationUrl: nil,
            capabilities: AgentCapabilities(streaming: true, pushNotifications: true, extensions: [],
                                            extendedAgentCard: false),
            securitySchemes: [:], securityRequirements: [],
            defaultInputModes: ["text/plain"], defaultOutputModes: ["text/plain"],
            skills: [AgentSkill(id: "echo", name: "Echo", description: "Echo back", tags: ["echo"], examples: [],
                                inputModes: [], outputModes: [], securityRequirements: [])],
            signatures: [], iconUrl: nil)
    }
}
