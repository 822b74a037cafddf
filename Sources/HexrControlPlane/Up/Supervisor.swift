import Foundation
import Hexr
import Logging
import SPIFFE
import SPIFFEWorkloadAPI
import ServiceLifecycle
import Synchronization

/// `hexr up`'s supervisor: launches every agent of the manifest with its identity registered by
/// process, streams their output with a prefix, relaunches crashed agents whose policy says so,
/// ends the run when the entry agent exits (or on graceful shutdown), stops every agent by PID,
/// and reports the run's exit status.
public final class Supervisor: Sendable {
    /// One replica of one agent: what it is launched as, each time.
    private struct Slot: Sendable {
        var agent: Manifest.Agent
        var label: String
        var spiffeID: SPIFFEID
        var environment: [String: String]
    }

    /// The most restarts of one replica in one run.
    static let maximumRestarts = 5

    private let manifest: Manifest
    private let controlPlane: ControlPlane
    private let output: @Sendable (String) -> Void
    private let extraPath: String?
    private let launched = Mutex<[LaunchedAgent]>([])
    private let status = Mutex<Int32>(0)

    /// - Parameter extraPath: a directory put first on the agents' `PATH` (where `hexr` itself lives,
    ///   so manifests can name built products).
    public init(manifest: Manifest, controlPlane: ControlPlane, extraPath: String?,
                output: @escaping @Sendable (String) -> Void) {
        self.manifest = manifest
        self.controlPlane = controlPlane
        self.extraPath = extraPath
        self.output = output
    }

    /// The exit status of the run (the entry agent's, or 1 when an agent failed).
    public var exitStatus: Int32 { status.withLock { $0 } }

    /// Launches, supervises and stops the agents; returns when the run is over.
    public func run(endpoint: ControlPlaneEndpoint) async throws {
        let slots = try slots(endpoint: endpoint)
        for slot in slots { try launch(slot, restart: 0) }
        await withGracefulShutdownHandler {
            await supervise(slots)
        } onGracefulShutdown: { [output] in
            output("hexr: shutting down")
        }
        let agents = launched.withLock { $0 }
        await withTaskGroup(of: Void.self) { group in
            for agent in agents where agent.isRunning {
                group.addTask { await agent.stop(grace: .seconds(5)) }
            }
        }
        output("hexr: all agents stopped")
    }

    /// Whether the agents export spans to a collector the user named rather than to the control plane.
    public static func exportsElsewhere(_ environment: [String: String]) -> Bool {
        environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] != nil || environment["OTEL_EXPORTER_OTLP_ENDPOINT"] != nil
    }

    private func slots(endpoint: ControlPlaneEndpoint) throws -> [Slot] {
        var environment = ProcessInfo.processInfo.environment
        environment["SPIFFE_ENDPOINT_SOCKET"] = endpoint.workloadAPI
        environment["HEXR_REGISTRY_URL"] = endpoint.registryURL.absoluteString
        // Spans go to the control plane, unless the user points them at a collector.
        if !Self.exportsElsewhere(environment) {
            environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = endpoint.traceSinkURL.absoluteString + OTLPSink.tracesPath
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf"
        }
        environment.merge(SpanBatching.environment) { userValue, _ in userValue }
        environment["HEXR_REGISTRY_ID"] = controlPlane.registryID.description
        if let policy = manifest.policy { environment["HEXR_POLICY"] = policy.path }
        if let extraPath { environment["PATH"] = extraPath + ":" + (environment["PATH"] ?? "/usr/bin:/bin") }
        var slots: [Slot] = []
        for agent in manifest.agents.sorted(by: { !$0.entry && $1.entry }) {
            for replica in 1...agent.replicas {
                let suffix = agent.replicas > 1 ? "/r\(replica)" : ""
                var env = environment
                env["HEXR_AGENT_NAME"] = agent.name
                env["HEXR_TENANT"] = agent.tenant
                env["OTEL_SERVICE_NAME"] = agent.name + suffix
                // Each replica keeps its tasks here, so a restarted agent still answers for them.
                env["HEXR_STATE_DIR"] = controlPlane.stateDirectory
                    .appending(path: "agents/\(agent.tenant)/\(agent.name)\(agent.replicas > 1 ? "-r\(replica)" : "")").path
                slots.append(Slot(
                    agent: agent, label: agent.name + suffix,
                    spiffeID: try SPIFFEID(trustDomain: controlPlane.trustDomain,
                                           path: "/agent/\(agent.tenant)/\(agent.name)\(suffix)"),
                    environment: env))
            }
        }
        return slots
    }

    private func launch(_ slot: Slot, restart: Int) throws {
        let process = try LaunchedAgent(label: slot.label, spiffeID: slot.spiffeID, isEntry: slot.agent.entry,
                                        command: resolve(slot.agent.command), directory: manifest.directory,
                                        environment: slot.environment, output: output)
        // Attest this exact process (pid + start time): only it gets this identity.
        try controlPlane.registrations.register(try RegistrationEntry(
            spiffeID: slot.spiffeID, selectors: [try WorkloadSelector.process(pid: process.pid)]))
        launched.withLock { $0.append(process) }
        output("hexr: \(restart == 0 ? "started" : "restarted") \(slot.label) (pid \(process.pid)) as \(slot.spiffeID)")
    }

    /// Prints the agents that came up in the registry (where they serve) and those that left it.
    private func reportRegistrations(_ known: inout [SPIFFEID: String]) async {
        guard let alive = try? await controlPlane.registry.allAgents(caller: controlPlane.operatorID) else { return }
        var now: [SPIFFEID: String] = [:]
        for agent in alive {
            let endpoint = agent.card.supportedInterfaces.first?.url ?? "-"
            now[agent.spiffeID] = endpoint
            if known[agent.spiffeID] != endpoint {
                output("hexr: \(agent.name) is up at \(endpoint) as \(agent.spiffeID)")
            }
        }
        for (id, _) in known where now[id] == nil {
            output("hexr: \(id) left the registry")
        }
        known = now
    }

    /// A relative command path (one containing `/`) is relative to the manifest's directory.
    private func resolve(_ command: [String]) -> [String] {
        guard let first = command.first, first.contains("/"), !first.hasPrefix("/") else { return command }
        return [manifest.directory.appending(path: first).standardizedFileURL.path] + command.dropFirst()
    }

    /// Watches the agents until the entry agent exits (or, without one, until shutdown); relaunches
    /// failed agents whose restart policy is `on-failure`.
    private func supervise(_ slots: [Slot]) async {
        var reported = Set<Int32>()
        var restarts: [String: Int] = [:]
        var registered: [SPIFFEID: String] = [:]
        var tick = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if tick % 3 == 0 { await reportRegistrations(&registered) }
            tick += 1
            for agent in launched.withLock({ $0 }) {
                guard let code = agent.exitStatus, reported.insert(agent.pid).inserted else { continue }
                output("hexr: \(agent.label) exited with status \(code)")
                if agent.isEntry {
                    status.withLock { $0 = code }
                    return
                }
                guard code != 0 else { continue }
                let count = restarts[agent.label, default: 0]
                if let slot = slots.first(where: { $0.label == agent.label }), slot.agent.restart == .onFailure,
                   count < Self.maximumRestarts {
                    restarts[agent.label] = count + 1
                    do {
                        try launch(slot, restart: count + 1)
                    } catch {
                        output("hexr: cannot restart \(agent.label): \(error)")
                        status.withLock { $0 = 1 }
                    }
                } else {
                    status.withLock { $0 = 1 }
                }
            }
            do {
                try await Task.sleep(for: .milliseconds(100))
            } catch {
                return
            }
        }
    }
}
