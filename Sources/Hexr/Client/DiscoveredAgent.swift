import A2A
import SPIFFE

/// An agent found through the registry: one running replica, its identity and its card (reduced
/// to the skills the caller may use).
public struct DiscoveredAgent: Sendable, Hashable {
    public var name: String
    public var tenant: String
    public var spiffeID: SPIFFEID
    public var card: AgentCard

    public var description: String { card.description }
    public var skills: [AgentSkill] { card.skills }
}

extension A2ATask {
    /// The text of every text part of every artifact, joined by newlines (the task's result).
    public var output: String {
        artifacts.flatMap(\.parts).compactMap { part -> String? in
            if case .text(let text) = part.content { return text }
            return nil
        }.joined(separator: "\n")
    }
}
