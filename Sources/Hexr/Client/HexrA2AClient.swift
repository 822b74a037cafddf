import A2A
import A2AHTTP
import Foundation
import HexrTransport
import SPIFFE
import Synchronization

/// Calls other agents by name: the registry says where they run and which SPIFFE ID must answer;
/// every call goes over mTLS as this workload's own SVID, on pooled connections.
///
/// ```swift
/// for agent in try await hexr.a2a.discover() { print("Found: \(agent.name) - \(agent.description)") }
/// let task = try await hexr.a2a.send(agent: "research-analyst", message: "Research …")
/// let result = try await hexr.a2a.wait(for: task)
/// print(result.output)
/// ```
public final class HexrA2AClient: Sendable {
    private let registry: RegistryClient
    private let transport: PooledHTTPClient
    private let expected = ExpectedPeers()
    /// Which agent holds which task (to answer getTask/wait/cancel by task id).
    private let owners = Mutex<[String: A2AClient]>([:])
    private let nextReplica = Atomic<Int>(0)

    public init(registry: RegistryClient, source: any TLSIdentitySource, refusals: TLSRefusalLog) {
        self.registry = registry
        let expected = self.expected
        // Calls answer at once (sends return the task immediately; waiting follows a stream), so a
        // response head that does not come within 30 s means the agent is stuck.
        transport = PooledHTTPClient(
            security: SPIFFEClientSecurity(source: source, refusals: refusals) { host, port in
                expected.matcher(host: host, port: port)
            },
            responseTimeout: .seconds(30))
    }

    /// The agents this workload may invoke (by policy), one entry per running replica.
    public func discover() async throws -> [DiscoveredAgent] {
        try await registry.discover().map(Self.agent)
    }

    /// Sends `message` to the agent named `agent` (one of its replicas, in turn) and returns the
    /// task at once; use `wait(for:)` or `getTask(_:)` for the result.
    public func send(agent: String, message: String, skill: String? = nil) async throws -> A2ATask {
        var request = SendMessageRequest(message: .user(message), configuration: SendMessageConfiguration(returnImmediately: true))
        if let skill { request.message.metadata = ["skill": .string(skill)] }
        let client = try await client(for: agent)
        switch try await client.sendMessage(request) {
        case .task(let task):
            owners.withLock { $0[task.id] = client }
            return task
        case .message(let reply):
            throw HexrClientError.unexpectedMessage(agent: agent, text: reply.parts.compactMap { part in
                if case .text(let text) = part.content { return text }
                return nil
            }.joined(separator: " "))
        }
    }

    /// Sends `message` and streams the task's events.
    public func stream(agent: String, message: String) async throws -> A2AClientEventStream {
        let client = try await client(for: agent)
        return try await client.sendStreamingMessage(SendMessageRequest(message: .user(message)))
    }

    /// The task as its agent has it now.
    public func getTask(_ id: String) async throws -> A2ATask {
        try await owner(of: id).getTask(id: id)
    }

    /// Waits until the task is terminal or needs input, and returns it (following its events,
    /// with a final read).
    public func wait(for task: A2ATask, timeout: Duration = .seconds(300)) async throws -> A2ATask {
        let client = try owner(of: task.id)
        let deadline = ContinuousClock.now + timeout
        var current = try await client.getTask(id: task.id)
        while !current.status.state.isTerminal && !current.status.state.isInterrupted {
            guard ContinuousClock.now < deadline else { throw HexrClientError.timedOut(taskID: task.id) }
            if let events = try? await client.subscribeToTask(id: task.id) {
                for try await _ in events {}
            } else {
                try await Task.sleep(for: .milliseconds(50))
            }
            current = try await client.getTask(id: task.id)
        }
        return current
    }

    /// Cancels a task.
    public func cancel(_ id: String) async throws -> A2ATask {
        try await owner(of: id).cancelTask(id: id)
    }

    /// Closes the idle pooled connections (on shutdown).
    public func close() async {
        await transport.closeIdleConnections()
    }

    // MARK: Resolution

    private func client(for name: String) async throws -> A2AClient {
        let replicas = try await registry.discover(name: name)
        guard !replicas.isEmpty else { throw HexrClientError.noSuchAgent(name) }
        let pick = replicas[nextReplica.wrappingAdd(1, ordering: .relaxed).oldValue % replicas.count]
        let id = try SPIFFEID(parsing: pick.spiffeId)
        let client = try A2AClient(card: pick.card, transport: transport)
        guard let url = URL(string: client.interface.url), let host = url.host else {
            throw HexrClientError.unusableCard(name)
        }
        expected.expect(id, host: host, port: url.port ?? (url.scheme == "https" ? 443 : 80))
        return client
    }

    private func owner(of taskID: String) throws -> A2AClient {
        guard let client = owners.withLock({ $0[taskID] }) else { throw HexrClientError.unknownTask(taskID) }
        return client
    }

    static func agent(_ wire: RegistryWire.Agent) throws -> DiscoveredAgent {
        DiscoveredAgent(name: wire.name, tenant: wire.tenant, spiffeID: try SPIFFEID(parsing: wire.spiffeId),
                        card: wire.card)
    }
}

/// Why a call by agent name failed.
public enum HexrClientError: Error, Sendable, CustomStringConvertible {
    case noSuchAgent(String)
    case unusableCard(String)
    case unknownTask(String)
    case unexpectedMessage(agent: String, text: String)
    case timedOut(taskID: String)

    public var description: String {
        switch self {
        case .noSuchAgent(let name):
            "no agent named '\(name)' is registered that this workload may invoke (check the name, its tenant, and the policy)"
        case .unusableCard(let name): "the card of '\(name)' has no usable interface URL"
        case .unknownTask(let id): "task \(id) was not sent through this client"
        case .unexpectedMessage(let agent, let text): "\(agent) answered with a message instead of a task: \(text)"
        case .timedOut(let id): "task \(id) did not finish in time"
        }
    }
}
