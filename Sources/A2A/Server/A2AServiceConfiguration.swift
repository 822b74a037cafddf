import Foundation
import Tracing

/// What an agent serves besides its handler.
public struct A2AServiceConfiguration: Sendable {
    /// The public Agent Card. Its `capabilities` decide whether streaming, push notifications and
    /// the extended card are offered.
    public var card: AgentCard
    /// The extended card returned to authenticated callers, if configured.
    public var extendedCard: AgentCard?
    /// Pauses between push delivery attempts; one attempt more than there are delays.
    public var pushRetryDelays: [Duration]
    /// When the card last changed (served as `Last-Modified`); set by `A2AService.updateCard(_:)`.
    public var cardModified: Date
    /// Admits or refuses every request before it is handled (authorization); `nil` admits all.
    public var gate: (any A2ARequestGate)?
    /// Authenticated callers that see every task of this agent, not only their own (an operator's
    /// identity). They still pass the gate like any caller.
    public var operators: Set<String>
    /// Traces requests (the transport's SERVER span continues the caller's trace) and handler runs.
    public var tracer: any Tracer

    public init(card: AgentCard, extendedCard: AgentCard? = nil,
                pushRetryDelays: [Duration] = [.milliseconds(250), .seconds(1), .seconds(4)],
                gate: (any A2ARequestGate)? = nil, operators: Set<String> = [],
                tracer: any Tracer = InstrumentationSystem.tracer) {
        self.card = card
        self.extendedCard = extendedCard
        self.pushRetryDelays = pushRetryDelays
        self.gate = gate
        self.operators = operators
        self.tracer = tracer
        self.cardModified = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }

    var supportsStreaming: Bool { card.capabilities.streaming ?? false }
    var supportsPush: Bool { card.capabilities.pushNotifications ?? false }
}
