import A2A
import A2AHTTP
import Foundation
import HexrPolicy
import HexrTransport
import Logging
import SPIFFE
import ServiceLifecycle
import Synchronization
import Tracing

/// Everything an agent process needs from its environment.
public struct HexrRuntimeConfiguration: Sendable {
    /// The workload's identity (the Workload API's `X509Source` in production).
    public var identity: any TLSIdentitySource
    /// The registry (`HEXR_REGISTRY_URL`) and the SPIFFE ID it must present.
    public var registryURL: URL
    public var registryID: SPIFFEID
    /// Who may call this agent (embedded Rego or OPA).
    public var authorizer: any Authorizer
    public var host: String
    public var port: Int
    public var taskStore: any TaskStore
    /// Traces every exchange (the global tracer by default: a no-op until an executable bootstraps one).
    public var tracer: any Tracer
    public var logger: Logger

    public init(identity: any TLSIdentitySource, registryURL: URL, registryID: SPIFFEID, authorizer: any Authorizer,
                host: String = "127.0.0.1", port: Int = 0, taskStore: any TaskStore = InMemoryTaskStore(),
                tracer: any Tracer = InstrumentationSystem.tracer, logger: Logger = Logger(label: "hexr.agent")) {
        self.identity = identity
        self.registryURL = registryURL
        self.registryID = registryID
        self.authorizer = authorizer
        self.host = host
        self.port = port
        self.taskStore = taskStore
        self.tracer = tracer
        self.logger = logger
    }
}

/// Serves one agent: the mTLS A2A server with policy enforcement, its registration in the
/// registry (renewed by heartbeats, removed on graceful shutdown), and a client for calling others.
public final class HexrAgentRuntime: Service {
    public let config: AgentConfig
    /// Calls other agents by name, as this agent.
    public let a2a: HexrA2AClient
    private let runtime: HexrRuntimeConfiguration
    private let handler: any AgentHandler
    private let registry: RegistryClient
    private let refusals: TLSRefusalLog
    private let served = Mutex<AgentCard?>(nil)

    public convenience init(config: AgentConfig, handler: any AgentHandler, runtime: HexrRuntimeConfiguration) {
        self.init(config: config, runtime: runtime) { _ in handler }
    }

    /// - Parameter makeHandler: builds the handler, given this agent's client for calling others
    ///   (so that a handler can delegate).
    public init(config: AgentConfig, runtime: HexrRuntimeConfiguration,
                makeHandler: (HexrA2AClient) -> any AgentHandler) {
        self.config = config
        self.runtime = runtime
        refusals = TLSRefusalLog(logger: runtime.logger)
        registry = RegistryClient(baseURL: runtime.registryURL, source: runtime.identity, registryID: runtime.registryID,
                                  refusals: refusals)
        a2a = HexrA2AClient(registry: registry, source: runtime.identity, refusals: refusals, tracer: runtime.tracer)
        handler = makeHandler(a2a)
    }

    /// The card this agent serves (with its interface URL), once it listens.
    public var servedCard: AgentCard? { served.withLock { $0 } }

    /// This agent's SPIFFE ID (from its current SVID).
    public var identity: SPIFFEID {
        get throws { try runtime.identity.currentIdentity().svid.id }
    }

    /// Serves until graceful shutdown (or just idles for a client-only agent).
    public func run() async throws {
        guard config.a2a else {
            try? await gracefulShutdown()
            await a2a.close()
            return
        }
        try await serve()
        await a2a.close()
    }

    private func serve() async throws {
        let identitySource = runtime.identity
        let gate = PolicyGate(authorizer: runtime.authorizer, destination: { try? identitySource.currentIdentity().svid.id },
                              tracer: runtime.tracer, logger: runtime.logger)
        let config = self.config
        let ownID = try identity
        // The trust domain's operator (`hexr tasks`) sees every task; the gate still decides.
        let operatorID = try HexrIdentity.serviceID(in: ownID.trustDomain, service: "cli")
        let service = A2AService(configuration: A2AServiceConfiguration(card: Self.card(config, base: nil, id: ownID),
                                                                         gate: gate, operators: [operatorID.description],
                                                                         tracer: runtime.tracer),
                                 handler: handler, store: runtime.taskStore, logger: runtime.logger)
        let security = MTLSAgentServer.Security(source: runtime.identity, refusals: refusals)
        let (urls, sink) = AsyncStream.makeStream(of: URL.self)
        let server = MTLSAgentServer.make(
            service: service, security: security, host: runtime.host, port: runtime.port,
            makeCard: { Self.card(config, base: $0, id: ownID) }, onListening: { sink.yield($0) }, logger: runtime.logger)
        // The server runs in a group of its own: it follows this service's graceful shutdown, and
        // is shut down gracefully (never cancelled) when registration is refused.
        let serverGroup = ServiceGroup(services: [server], gracefulShutdownSignals: [], logger: runtime.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { sink.finish() }  // a server that fails to start ends the wait below
                try await serverGroup.run()
            }
            var iterator = urls.makeAsyncIterator()
            guard await iterator.next() != nil else {
                try await group.waitForAll()  // why it did not start
                return
            }
            served.withLock { $0 = service.card }
            let registration: Result<Void, any Error>
            do {
                registration = .success(try await registerAndKeepAlive(card: service.card))
            } catch {
                registration = .failure(error)
                await serverGroup.triggerGracefulShutdown()
            }
            try await group.waitForAll()
            try registration.get()
        }
    }

    private func registerAndKeepAlive(card: AgentCard) async throws {
        let firstLease = try await registry.register(card).leaseSeconds
        runtime.logger.info("registered", metadata: ["agent": "\(config.name)", "tenant": "\(config.tenant)"])
        // Heartbeats until graceful shutdown (which cancels the loop, sleep included).
        await cancelWhenGracefulShutdown {
            var lease = firstLease
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: .milliseconds(Int64(max(0.2, lease / 3) * 1000)))
                    try await self.registry.heartbeat()
                } catch is CancellationError {
                    return
                } catch RegistryClientError.notRegistered {
                    lease = (try? await self.registry.register(card).leaseSeconds) ?? lease
                } catch {
                    self.runtime.logger.warning("heartbeat failed; retrying", metadata: ["error": "\(error)"])
                }
            }
        }
        try? await registry.deregister()
        runtime.logger.info("deregistered", metadata: ["agent": "\(config.name)"])
    }

    /// The card this agent serves and registers: JSON-RPC over mTLS, its skills, its SPIFFE ID.
    static func card(_ config: AgentConfig, base: URL?, id: SPIFFEID) -> AgentCard {
        var card = AgentCard.minimal(name: config.name, streaming: true)
        card.description = config.description
        card.skills = config.skills.isEmpty
            ? [AgentSkill(id: config.name, name: config.name, description: config.description, tags: [config.name])]
            : config.skills
        if let base {
            card.supportedInterfaces = [AgentInterface(url: base.absoluteString + A2AServerPaths().jsonRPC,
                                                       protocolBinding: AgentInterface.Binding.jsonRPC,
                                                       protocolVersion: "1.0")]
        }
        card.securitySchemes = ["mtls": .mtls(MutualTlsSecurityScheme(description: "SPIFFE X.509-SVID of \(id)"))]
        card.securityRequirements = [SecurityRequirement(schemes: ["mtls": []])]
        card.capabilities.extensions = [AgentExtension(uri: SPIFFEIdentityExtension.uri,
                                                       description: "The SPIFFE ID that serves this agent",
                                                       required: false, params: ["spiffe_id": .string(id.description)])]
        return card
    }
}

/// Hexr's A2A extension naming the SPIFFE ID that must answer for an agent.
public enum SPIFFEIdentityExtension {
    public static let uri = "https://hexr.dev/extensions/spiffe-identity/v1"
}
