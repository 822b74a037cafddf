import Foundation

extension Message {
    /// A user message with one text part and a fresh message id.
    public static func user(_ text: String, contextID: String? = nil, taskID: String? = nil) -> Message {
        Message(messageId: RandomIdentifier.uuid(), contextId: contextID, taskId: taskID, role: .user,
                parts: [.text(text)], metadata: nil, extensions: [], referenceTaskIds: [])
    }

    /// The text of every text part, joined by newlines.
    public var text: String {
        parts.compactMap { part -> String? in
            if case .text(let text) = part.content { return text }
            return nil
        }.joined(separator: "\n")
    }
}

extension AgentCard {
    /// A card with one skill and no interfaces, for agents used in-process and in tests.
    public static func minimal(name: String = "agent", streaming: Bool = true, pushNotifications: Bool = false)
        -> AgentCard
    {
        AgentCard(
            name: name, description: name, supportedInterfaces: [], provider: nil, version: "1.0.0",
            documentationUrl: nil,
            capabilities: AgentCapabilities(streaming: streaming, pushNotifications: pushNotifications, extensions: [],
                                            extendedAgentCard: false),
            securitySchemes: [:], securityRequirements: [], defaultInputModes: ["text/plain"],
            defaultOutputModes: ["text/plain"],
            skills: [AgentSkill(id: name, name: name, description: name, tags: [name], examples: [], inputModes: [],
                                outputModes: [], securityRequirements: [])],
            signatures: [], iconUrl: nil)
    }
}
