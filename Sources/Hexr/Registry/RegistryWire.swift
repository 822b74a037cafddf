import A2A
import Foundation

/// The registry's HTTP API (JSON over mTLS), shared by `RegistryClient` and the control plane's
/// server. Paths are below `/registry/v1`.
public enum RegistryWire {
    public static let basePath = "/registry/v1"
    /// `POST` a card: register the caller. `GET ?name=`: discover.
    public static let agentsPath = basePath + "/agents"
    /// `POST`: renew the caller's lease.
    public static let heartbeatPath = basePath + "/agents/heartbeat"
    /// `DELETE`: remove the caller's registration.
    public static let selfPath = basePath + "/agents/self"
    /// `GET`: every live registration of every tenant (operator identities only).
    public static let allAgentsPath = basePath + "/admin/agents"

    /// One registered agent as the registry reports it.
    public struct Agent: Codable, Sendable, Hashable {
        public var spiffeId: String
        public var name: String
        public var tenant: String
        public var card: AgentCard
        /// When the lease ends unless renewed (RFC 3339).
        public var expiresAt: String
        /// When the process registered (RFC 3339).
        public var registeredAt: String?

        public init(spiffeId: String, name: String, tenant: String, card: AgentCard, expiresAt: String,
                    registeredAt: String? = nil) {
            self.spiffeId = spiffeId
            self.name = name
            self.tenant = tenant
            self.card = card
            self.expiresAt = expiresAt
            self.registeredAt = registeredAt
        }
    }

    /// The answer to a registration.
    public struct Registered: Codable, Sendable, Hashable {
        public var agent: Agent
        /// Send a heartbeat well within this many seconds.
        public var leaseSeconds: Double

        public init(agent: Agent, leaseSeconds: Double) {
            self.agent = agent
            self.leaseSeconds = leaseSeconds
        }
    }

    /// The answer to a discovery.
    public struct Discovered: Codable, Sendable, Hashable {
        public var agents: [Agent]

        public init(agents: [Agent]) {
            self.agents = agents
        }
    }

    /// An error body: `{"error": {"code": "NAME_MISMATCH", "message": "…"}}`.
    public struct ErrorBody: Codable, Sendable, Hashable {
        public struct Detail: Codable, Sendable, Hashable {
            public var code: String
            public var message: String
        }

        public var error: Detail

        public init(code: String, message: String) {
            error = Detail(code: code, message: message)
        }
    }
}
