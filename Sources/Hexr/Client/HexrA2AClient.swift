import A2A
import A2AHTTP
import Foundation
import HexrTransport
import SPIFFE
import Synchronization
import Tracing

/// Calls other agents by name: the registry says where they run and which SPIFFE ID must answer;
/// every call goes over mTLS as this workload's own SVID, on pooled connections, and carries the
/// caller's trace context (`traceparent`); each send is a CLIENT span `invoke_agent <name>`.
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
    private let tracing: TracePropagatingTransport
    private let tracer: any Tracer
    private let source: any TLSIdentitySource
    private let expected = ExpectedPeers()
    /// Which agent replica holds which task (to answer getTask/wait/cancel by task id).
    private let owners = Mutex<[String: TaskOwner]>([:])
    private let nextReplica = Atomic<Int>(0)
    /// Replicas by agent name, reused for `discoveryTTL`: a fan-out does not ask the registry once
    /// per task. Discovery only finds agents — each agent's own policy gate still decides every call,
    /// and a replica that cannot be reached drops the entry.
    private let discovered = Mutex<[String: (replicas: [Replica], expires: ContinuousClock.Instant)]>([:])
    private let discoveryTTL: Duration

    /// One discovered replica and the client that calls it.
    private struct Replica: Sendable {
        var agent: DiscoveredAgent
        var client: A2AClient
    }

    /// The replica that holds a task: found again through the registry when it moved (restarted).
    private struct TaskOwner: Sendable {
        var name: String
        var spiffeID: SPIFFEID
        var client: A2AClient
    }

    /// - Parameter discoveryTTL: how long the replicas of an agent found through the registry are
    ///   reused before asking again.
    public init(registry: RegistryClient, source: any TLSIdentitySource, refusals: TLSRefusalLog,
                tracer: any Tracer = InstrumentationSystem.tracer, discoveryTTL: Duration = .seconds(2)) {
        self.registry = registry
        self.tracer = tracer
        self.source = source
        self.discoveryTTL = discoveryTTL
        let expected = self.expected
        // Calls answer at once (sends return the task immediately; waiting follows a stream), so a
        // response head that does not come within 30 s means the agent is stuck.
        transport = PooledHTTPClient(
            security: SPIFFEClientSecurity(source: source, refusals: refusals) { host, port in
                expected.matcher(host: host, port: port)
            },
            responseTimeout: .seconds(30))
        tracing = TracePropagatingTransport(transport, tracer: tracer)
    }

    /// The agents this workload may invoke (by policy), one entry per running replica.
    public func discover() async throws -> [DiscoveredAgent] {
        try await registry.discover().map(Self.agent)
    }

    /// Waits until the registry shows an agent named `agent` (of `tenant` when given) that this
    /// workload may invoke, asking every 100 ms, and returns one of its replicas. For agents that
    /// start together (as under `hexr up`), where the next stage may register a moment after the
    /// first call to it.
    /// - Throws: ``HexrClientError/agentDidNotAppear(_:after:)`` once `timeout` has passed.
    public func waitForAgent(_ agent: String, tenant: String? = nil, timeout: Duration = .seconds(30)) async throws
        -> DiscoveredAgent
    {
        let deadline = ContinuousClock.now + timeout
        while true {
            do {
                return try await replicas(of: agent, tenant: tenant)[0].agent
            } catch HexrClientError.noSuchAgent {
                guard ContinuousClock.now < deadline else { throw HexrClientError.agentDidNotAppear(agent, after: timeout) }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    /// Sends `message` to the agent named `agent` (one of its replicas, in turn; only those of
    /// `tenant` when given) and returns the task at once; use `wait(for:)` or `getTask(_:)` for the result.
    public func send(agent: String, message: String, skill: String? = nil, tenant: String? = nil) async throws
        -> A2ATask
    {
        var request = SendMessageRequest(message: .user(message), configuration: SendMessageConfiguration(returnImmediately: true))
        if let skill { request.message.metadata = ["skill": .string(skill)] }
        return try await tracer.withSpan("invoke_agent \(agent)", ofKind: .client) { span in
            var pick = try await self.pick(agent, tenant: tenant)
            let response: SendMessageResponse
            do {
                describe(span, target: pick.agent, client: pick.client, skill: skill)
                response = try await pick.client.sendMessage(request)
            } catch PooledHTTPClientError.cannotConnect {
                // The replica is gone (stopped, restarted elsewhere) and nothing was sent: ask the
                // registry again, once. Other failures are not retried — the message may have arrived.
                forget(agent)
                pick = try await self.pick(agent, tenant: tenant)
                describe(span, target: pick.agent, client: pick.client, skill: skill)
                response = try await pick.client.sendMessage(request)
            }
            switch response {
            case .task(let task):
                if span.isRecording {
                    span.updateAttributes { attributes in
                        attributes["a2a.task.id"] = task.id
                        attributes["a2a.context.id"] = task.contextId
                    }
                }
                owners.withLock {
                    $0[task.id] = TaskOwner(name: pick.agent.name, spiffeID: pick.agent.spiffeID, client: pick.client)
                }
                return task
            case .message(let reply):
                throw HexrClientError.unexpectedMessage(agent: agent, text: reply.text)
            }
        }
    }

    /// The next replica of `agent` in turn.
    private func pick(_ agent: String, tenant: String?) async throws -> Replica {
        let replicas = try await self.replicas(of: agent, tenant: tenant)
        return replicas[nextReplica.wrappingAdd(1, ordering: .relaxed).oldValue % replicas.count]
    }

    /// The attributes of an `invoke_agent` span (OpenTelemetry GenAI agent conventions).
    private func describe(_ span: any Span, target: DiscoveredAgent, client: A2AClient, skill: String?) {
        guard span.isRecording else { return }
        let caller = try? source.currentIdentity().svid.id
        let url = URL(string: client.interface.url)
        span.updateAttributes { attributes in
            if let caller { attributes["hexr.caller.spiffe_id"] = caller.description }
            attributes["gen_ai.operation.name"] = "invoke_agent"
            attributes["gen_ai.provider.name"] = "hexr"
            attributes["gen_ai.agent.name"] = target.name
            attributes["rpc.method"] = "a2a/SendMessage"
            attributes["hexr.target.spiffe_id"] = target.spiffeID.description
            attributes["hexr.target.tenant"] = target.tenant
            if let skill { attributes["a2a.skill"] = skill }
            if let url, let host = url.host {
                attributes["server.address"] = host
                attributes["server.port"] = url.port ?? 443
            }
        }
    }

    /// Sends `message` and streams the task's events.
    public func stream(agent: String, message: String, tenant: String? = nil) async throws -> A2AClientEventStream {
        return try await tracer.withSpan("invoke_agent \(agent)", ofKind: .client) { span in
            let pick = try await self.pick(agent, tenant: tenant)
            describe(span, target: pick.agent, client: pick.client, skill: nil)
            span.attributes["rpc.method"] = "a2a/SendStreamingMessage"
            return try await pick.client.sendStreamingMessage(SendMessageRequest(message: .user(message)))
        }
    }

    /// The task as its agent has it now.
    public func getTask(_ id: String) async throws -> A2ATask {
        try await withOwner(of: id) { try await $0.getTask(id: id) }
    }

    /// Waits until the task is terminal or needs input, and returns it (following its events,
    /// with a final read).
    public func wait(for task: A2ATask, timeout: Duration = .seconds(300)) async throws -> A2ATask {
        let deadline = ContinuousClock.now + timeout
        var current = try await getTask(task.id)
        var streamFailed = false
        while !current.status.state.isTerminal && !current.status.state.isInterrupted {
            guard ContinuousClock.now < deadline else { throw HexrClientError.timedOut(taskID: task.id) }
            // A stream that could not be followed most often means the task ended in between: read
            // again at once, and pause only when the previous attempt failed too.
            if streamFailed { try await Task.sleep(for: .milliseconds(50)) }
            streamFailed = !(await followEvents(of: task.id))
            current = try await getTask(task.id)
        }
        return current
    }

    /// Follows the task's event stream until it ends; false when there was no stream to follow or it
    /// broke (the agent went away: the next read finds it again).
    private func followEvents(of taskID: String) async -> Bool {
        guard let client = try? owner(of: taskID).client,
              let events = try? await client.subscribeToTask(id: taskID) else { return false }
        do {
            for try await _ in events {}
            return true
        } catch {
            return false
        }
    }

    /// Cancels a task.
    public func cancel(_ id: String) async throws -> A2ATask {
        try await withOwner(of: id) { try await $0.cancelTask(id: id) }
    }

    /// The tasks each replica of `agent` shows this workload (an operator sees them all).
    public func listTasks(agent: String, tenant: String? = nil) async throws -> [(agent: DiscoveredAgent, tasks: [A2ATask])] {
        var listed: [(agent: DiscoveredAgent, tasks: [A2ATask])] = []
        for replica in try await replicas(of: agent, tenant: tenant) {
            let tasks = try await replica.client.listTasks(ListTasksRequest(pageSize: 100, includeArtifacts: true)).tasks
            listed.append((replica.agent, tasks))
        }
        return listed
    }

    /// Task `id` from whichever replica of `agent` holds it.
    public func getTask(agent: String, id: String, tenant: String? = nil) async throws -> A2ATask {
        for replica in try await replicas(of: agent, tenant: tenant) {
            do {
                let task = try await replica.client.getTask(id: id)
                owners.withLock {
                    $0[id] = TaskOwner(name: replica.agent.name, spiffeID: replica.agent.spiffeID, client: replica.client)
                }
                return task
            } catch A2AClientError.remote(let error) where error.code == A2AError.Code.taskNotFound {
                continue
            }
        }
        throw HexrClientError.unknownTask(id)
    }

    /// Closes the idle pooled connections (on shutdown).
    public func close() async {
        await transport.closeIdleConnections()
        await registry.close()
    }

    // MARK: Resolution

    private func replicas(of name: String, tenant: String?) async throws -> [Replica] {
        let now = ContinuousClock.now
        var replicas = discovered.withLock { $0[name].flatMap { $0.expires > now ? $0.replicas : nil } }
        if replicas == nil {
            let fresh = try await registry.discover(name: name).map { wire in
                let agent = try Self.agent(wire)
                return Replica(agent: agent, client: try client(for: agent))
            }
            // An agent not (yet) registered is asked for again next time, not remembered as absent.
            if !fresh.isEmpty { discovered.withLock { $0[name] = (fresh, ContinuousClock.now + discoveryTTL) } }
            replicas = fresh
        }
        let matching = (replicas ?? []).filter { tenant == nil || $0.agent.tenant == tenant }
        guard !matching.isEmpty else { throw HexrClientError.noSuchAgent(name) }
        return matching
    }

    /// Drops what discovery said about `name` (a replica could not be reached).
    private func forget(_ name: String) {
        _ = discovered.withLock { $0.removeValue(forKey: name) }
    }

    /// A client for one replica; only its SPIFFE ID may answer at its address.
    private func client(for agent: DiscoveredAgent) throws -> A2AClient {
        let client = try A2AClient(card: agent.card, transport: tracing)
        guard let url = URL(string: client.interface.url), let host = url.host else {
            throw HexrClientError.unusableCard(agent.name)
        }
        expected.expect(agent.spiffeID, host: host, port: url.port ?? (url.scheme == "https" ? 443 : 80))
        return client
    }

    private func owner(of taskID: String) throws -> TaskOwner {
        guard let owner = owners.withLock({ $0[taskID] }) else { throw HexrClientError.unknownTask(taskID) }
        return owner
    }

    /// Runs `call` against the task's replica; when the replica cannot be reached (it restarted
    /// elsewhere), finds the same SPIFFE ID in the registry again and retries once.
    private func withOwner<T>(of taskID: String, _ call: (A2AClient) async throws -> T) async throws -> T {
        let owner = try owner(of: taskID)
        do {
            return try await call(owner.client)
        } catch let error as PooledHTTPClientError {
            // The replica cannot be reached (it restarted elsewhere): find the same SPIFFE ID again.
            guard case .cannotConnect = error else { throw error }
            forget(owner.name)
            guard let moved = try await registry.discover(name: owner.name).map(Self.agent)
                .first(where: { $0.spiffeID == owner.spiffeID }),
                moved.card.supportedInterfaces.map(\.url) != owner.client.card.supportedInterfaces.map(\.url)
            else { throw error }
            let client = try client(for: moved)
            owners.withLock { $0[taskID]?.client = client }
            return try await call(client)
        }
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
    case agentDidNotAppear(String, after: Duration)

    public var description: String {
        switch self {
        case .noSuchAgent(let name):
            "no agent named '\(name)' is registered that this workload may invoke (check the name, its tenant, and the policy)"
        case .unusableCard(let name): "the card of '\(name)' has no usable interface URL"
        case .unknownTask(let id): "task \(id) was not sent through this client"
        case .unexpectedMessage(let agent, let text): "\(agent) answered with a message instead of a task: \(text)"
        case .timedOut(let id): "task \(id) did not finish in time"
        case .agentDidNotAppear(let name, let timeout):
            "no agent named '\(name)' that this workload may invoke registered within \(timeout) (check the name, its tenant, and the policy)"
        }
    }
}
