import A2A
import A2ASQLite
import Foundation
import HexrPolicy
import HexrTransport
import Logging
import SPIFFE
import SPIFFEWorkloadAPI
import ServiceLifecycle
import Tracing
import UnixSignals

/// An agent program. Declare its name and tenant; serve tasks in `handle(_:)`, do the program's own
/// work in `run(_:)` (the default serves until SIGTERM/SIGINT):
///
/// ```swift
/// @main struct Coordinator: HexrAgent {
///     static let config = AgentConfig(name: "coordinator", tenant: "acme-corp")
///     func run(_ hexr: HexrContext) async throws {
///         for agent in try await hexr.a2a.discover() { print("Found: \(agent.name) - \(agent.description)") }
///         let task = try await hexr.a2a.send(agent: "research-analyst", message: "Research …")
///         print(try await hexr.a2a.wait(for: task).output)
///     }
/// }
/// ```
/// `main()` takes its identity from the Workload API (`SPIFFE_ENDPOINT_SOCKET`) and finds the
/// registry through `HEXR_REGISTRY_URL`; with `a2a: true` it serves over mTLS, registers, enforces
/// policy, and deregisters on graceful shutdown.
public protocol HexrAgent: AgentHandler {
    static var config: AgentConfig { get }
    init()
    func run(_ hexr: HexrContext) async throws
    /// Serves one task with access to the agent's context, e.g. to delegate to other agents
    /// (`hexr.a2a.send(agent:message:)`). The default calls `handle(_:)`.
    func handle(_ task: TaskContext, _ hexr: HexrContext) async throws
}

extension HexrAgent {
    /// Agents that serve no tasks reject them.
    public func handle(_ task: TaskContext) async throws {
        try await task.reject("\(Self.config.name) does not take tasks")
    }

    public func handle(_ task: TaskContext, _ hexr: HexrContext) async throws {
        try await handle(task)
    }

    /// Serves until the process is asked to stop.
    public func run(_ hexr: HexrContext) async throws {
        await hexr.waitForShutdown()
    }

    /// The program's entry point: environment → Workload API identity → `launch`. A failure is
    /// logged and ends the process with status 1.
    public static func main() async {
        // Under a supervisor stdout is a pipe: print line by line, not in blocks at exit.
        makeStandardOutputLineBuffered()
        var logger = Logger(label: "hexr.\(config.name)")
        logger.logLevel = ProcessInfo.processInfo.environment["HEXR_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
        do {
            let exporter = try TraceExport.bootstrap(serviceName: config.name,
                                                     environment: ProcessInfo.processInfo.environment, logger: logger)
            guard let exporter else { return try await launchFromEnvironment(logger: logger) }
            // The exporter runs beside the agent; its graceful shutdown flushes the last spans.
            let export = ServiceGroup(services: [exporter], gracefulShutdownSignals: [], logger: logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await export.run() }
                let outcome: Result<Void, any Error>
                do {
                    outcome = .success(try await launchFromEnvironment(logger: logger))
                } catch {
                    outcome = .failure(error)
                }
                await export.triggerGracefulShutdown()
                try await group.waitForAll()
                try outcome.get()
            }
        } catch {
            logger.critical("\(config.name) failed: \(error)")
            exit(1)
        }
    }

    private static func launchFromEnvironment(logger: Logger) async throws {
        let environment = try HexrEnvironment()
        let authorizer: any Authorizer = if let opa = environment.opaURL {
            OPAAuthorizer(baseURL: opa, logger: logger)
        } else if let directory = environment.policyDirectory {
            try EmbeddedAuthorizer(directory: directory, logger: logger)
        } else {
            EmbeddedAuthorizer(bundle: try .defaultPolicy(), logger: logger)
        }
        try await X509Source.withReadySource(endpoint: environment.workloadAPI, timeout: .seconds(30),
                                             logger: logger) { source, context in
            let ownID = context.defaultSVID.id
            let registryID = try environment.registryID ?? SPIFFEID(trustDomain: ownID.trustDomain, path: "/hexr/registry")
            let taskStore: any TaskStore = if let directory = environment.stateDirectory {
                try SQLiteTaskStore(path: directory.appending(path: "tasks.sqlite").path)
            } else {
                InMemoryTaskStore()
            }
            let runtime = HexrRuntimeConfiguration(
                identity: source, registryURL: environment.registryURL, registryID: registryID, authorizer: authorizer,
                host: environment.host, port: environment.port, taskStore: taskStore, logger: logger)
            try await launch(runtime: runtime, signals: [.sigterm, .sigint])
        }
    }

    /// Runs the agent with the given identity and registry until `run(_:)` returns (then shuts
    /// down gracefully) or a signal arrives. Refuses an identity that does not name this agent.
    public static func launch(runtime: HexrRuntimeConfiguration, signals: [UnixSignal] = []) async throws {
        let ownID = try runtime.identity.currentIdentity().svid.id
        guard let identity = HexrIdentity(ownID), identity.tenant == config.tenant, identity.agent == config.name else {
            throw HexrAgentError.identityMismatch(svid: ownID.description, name: config.name, tenant: config.tenant)
        }
        let agent = Self()
        let (stopped, stop) = AsyncStream.makeStream(of: Never.self)
        func context(_ a2a: HexrA2AClient) -> HexrContext {
            HexrContext(a2a: a2a, identity: ownID, identitySource: runtime.identity, logger: runtime.logger, stopped: stopped)
        }
        let service = HexrAgentRuntime(config: config, runtime: runtime) { a2a in
            ContextualHandler(agent: agent, context: context(a2a))
        }
        let group = ServiceGroup(services: [service], gracefulShutdownSignals: signals, logger: runtime.logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { stop.finish() }
                try await group.run()
            }
            let outcome: Result<Void, any Error>
            do {
                // The program's own work is the root of its trace: every call it makes is a child.
                outcome = .success(try await runtime.tracer.withSpan("run \(config.name)", ofKind: .internal) { span in
                    span.attributes["gen_ai.agent.name"] = config.name
                    span.attributes["hexr.spiffe_id"] = ownID.description
                    try await agent.run(context(service.a2a))
                })
            } catch {
                outcome = .failure(error)
            }
            // Stopped gracefully also when `run` failed: the server finishes what it accepted.
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            try outcome.get()
        }
    }
}

/// Serves tasks through `HexrAgent.handle(_:_:)`, with the agent's context.
struct ContextualHandler<Agent: HexrAgent>: AgentHandler {
    let agent: Agent
    let context: HexrContext

    func handle(_ task: TaskContext) async throws {
        try await agent.handle(task, context)
    }
}

/// What an agent's `run(_:)` and `handle(_:_:)` get: a client for other agents, its own identity, a logger.
public struct HexrContext: Sendable {
    /// Calls other agents by name.
    public let a2a: HexrA2AClient
    /// This process's SPIFFE ID.
    public let identity: SPIFFEID
    /// This process's current SVID and trust bundles (rotating), for mTLS connections of its own.
    public let identitySource: any TLSIdentitySource
    public let logger: Logger
    let stopped: AsyncStream<Never>

    /// Returns when the agent is asked to stop (SIGTERM/SIGINT, or the runtime ended).
    public func waitForShutdown() async {
        for await _ in stopped {}
    }
}

/// Why an agent cannot start.
public enum HexrAgentError: Error, Sendable, CustomStringConvertible {
    case identityMismatch(svid: String, name: String, tenant: String)

    public var description: String {
        switch self {
        case .identityMismatch(let svid, let name, let tenant):
            "this process's SVID is \(svid), but the agent is declared as '\(name)' of tenant '\(tenant)' (expected spiffe://<td>/agent/\(tenant)/\(name)[/<replica>])"
        }
    }
}
