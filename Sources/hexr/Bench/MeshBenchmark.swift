import A2A
import Foundation
import Hexr
import HexrControlPlane
import HexrPolicy
import HexrTransport
import ServiceLifecycle
import SPIFFE

/// Agents the way the SDK runs them (mTLS, the embedded default policy, registry discovery), all in
/// this process on loopback: a fan-out of many tasks over replicas, and a pipeline of several hops.
struct MeshBenchmark {
    var tasks: Int
    /// How many times the fan-out runs (one single run is at the mercy of whatever else the machine does).
    var fanOutRounds: Int
    var replicas: Int
    var hops: Int
    var pipelineRuns: Int

    struct Report {
        /// Time to all results of each fan-out round, in the order they ran.
        var fanOut: [Duration]
        var pipeline: LatencyRecorder
    }

    /// Answers at once, or hands the task to `next` and answers with what comes back.
    struct Hop: AgentHandler {
        let next: String?
        let client: HexrA2AClient

        func handle(_ task: TaskContext) async throws {
            guard let next else {
                try await task.addArtifact(parts: [.text("done: \(task.text)")])
                return
            }
            let result = try await client.wait(for: try await client.send(agent: next, message: task.text))
            try await task.addArtifact(parts: [.text(result.output)])
        }
    }

    func run() async throws -> Report {
        let authority = try SigningAuthority(configuration: .init(trustDomain: try TrustDomain(parsing: "hexr.local")))
        let bundles = BundleSet([authority.bundle])
        let logger = SendMessageBenchmark.logger
        let authorizer = EmbeddedAuthorizer(bundle: try .defaultPolicy(), logger: logger)
        let registryID = try HexrIdentity.serviceID(in: authority.trustDomain, service: "registry")
        let registry = RegistryService(store: InMemoryRegistryStore(), authorizer: authorizer, registryID: registryID,
                                       leaseDuration: 60, logger: logger)
        let (urls, sink) = AsyncStream.makeStream(of: URL.self)
        let registryServer = RegistryServer(
            registry: registry,
            security: MTLSAgentServer.Security(
                source: StaticTLSIdentitySource(svid: try authority.issueX509SVID(for: registryID), bundles: bundles),
                refusals: TLSRefusalLog(logger: logger)),
            onListening: { sink.yield($0) }, logger: logger)
        let registryGroup = ServiceGroup(services: [registryServer], gracefulShutdownSignals: [], logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await registryGroup.run() }
            var iterator = urls.makeAsyncIterator()
            guard let registryURL = await iterator.next() else { throw BenchmarkError.serverDidNotStart }
            func runtime(_ path: String) throws -> HexrRuntimeConfiguration {
                HexrRuntimeConfiguration(
                    identity: StaticTLSIdentitySource(
                        svid: try authority.issueX509SVID(for: try SPIFFEID(parsing: "spiffe://hexr.local/agent/bench/\(path)")),
                        bundles: bundles),
                    registryURL: registryURL, registryID: registryID, authorizer: authorizer, logger: logger)
            }
            var agents: [HexrAgentRuntime] = []
            for replica in 1...replicas {
                agents.append(HexrAgentRuntime(config: AgentConfig(name: "worker", tenant: "bench", a2a: true),
                                               runtime: try runtime("worker/r\(replica)")) { Hop(next: nil, client: $0) })
            }
            for hop in 1...hops {
                agents.append(HexrAgentRuntime(config: AgentConfig(name: "hop\(hop)", tenant: "bench", a2a: true),
                                               runtime: try runtime("hop\(hop)")) { Hop(next: hop < hops ? "hop\(hop + 1)" : nil, client: $0) })
            }
            let coordinator = HexrAgentRuntime(config: AgentConfig(name: "coordinator", tenant: "bench"),
                                               runtime: try runtime("coordinator")) { Hop(next: nil, client: $0) }
            let agentGroup = ServiceGroup(services: agents, gracefulShutdownSignals: [], logger: logger)
            group.addTask { try await agentGroup.run() }
            let client = coordinator.a2a
            while try await client.discover().count < replicas + hops { try await Task.sleep(for: .milliseconds(50)) }

            // Warm-up: a connection to every agent.
            for _ in 0..<replicas { _ = try await client.wait(for: try await client.send(agent: "worker", message: "warm")) }
            _ = try await client.wait(for: try await client.send(agent: "hop1", message: "warm"))

            var fanOut: [Duration] = []
            for round in 0..<fanOutRounds {
                let started = ContinuousClock.now
                try await withThrowingTaskGroup(of: Void.self) { tasks in
                    for index in 0..<self.tasks {
                        tasks.addTask {
                            let result = try await client.wait(
                                for: try await client.send(agent: "worker", message: "round \(round) task \(index)"))
                            guard result.status.state == .completed else { throw MeshBenchmarkError.taskFailed(result.id) }
                        }
                    }
                    try await tasks.waitForAll()
                }
                fanOut.append(ContinuousClock.now - started)
            }

            var pipeline = LatencyRecorder(capacity: pipelineRuns)
            for run in 0..<pipelineRuns {
                let began = ContinuousClock.now
                let result = try await client.wait(for: try await client.send(agent: "hop1", message: "run \(run)"))
                guard result.output == "done: run \(run)" else { throw MeshBenchmarkError.taskFailed(result.id) }
                pipeline.record(ContinuousClock.now - began)
            }
            await client.close()
            await agentGroup.triggerGracefulShutdown()
            await registryGroup.triggerGracefulShutdown()
            try await group.waitForAll()
            return Report(fanOut: fanOut, pipeline: pipeline)
        }
    }
}

enum MeshBenchmarkError: Error, CustomStringConvertible {
    case taskFailed(String)

    var description: String {
        switch self {
        case .taskFailed(let id): "task \(id) did not complete as expected"
        }
    }
}
