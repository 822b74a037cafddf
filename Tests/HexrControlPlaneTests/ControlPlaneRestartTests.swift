import A2A
import Foundation
import Hexr
import HexrControlPlane
import HexrPolicy
import HexrTestSupport
import HexrTransport
import SPIFFE
import SPIFFEWorkloadAPI
import Synchronization
import Testing

/// The control plane stops and starts again on the same state directory while an agent (identity
/// from the Workload API) keeps running: calls to it keep working on its cached SVID, and once the
/// control plane is back — same CA, socket and registry port — it is found through the registry again.
@Suite struct ControlPlaneRestartTests {
    struct Echo: AgentHandler {
        func handle(_ task: TaskContext) async throws {
            try await task.addArtifact(parts: [.text("echo: \(task.text)")])
        }
    }

    /// One control-plane run in the background: started, its registry URL, stopped on request.
    final class Session: Sendable {
        let controlPlane: ControlPlane
        private let stopSignal: AsyncStream<Void>.Continuation
        private let stopped: AsyncStream<Void>
        private let stoppedSignal: AsyncStream<Void>.Continuation
        let url: URL

        init(_ controlPlane: ControlPlane, in tasks: inout ThrowingTaskGroup<Void, any Error>) async throws {
            self.controlPlane = controlPlane
            let (stop, stopSignal) = AsyncStream.makeStream(of: Void.self)
            let (stopped, stoppedSignal) = AsyncStream.makeStream(of: Void.self)
            let (urls, urlSink) = AsyncStream.makeStream(of: URL.self)
            self.stopSignal = stopSignal
            self.stopped = stopped
            self.stoppedSignal = stoppedSignal
            tasks.addTask {
                defer { stoppedSignal.finish() }
                try await controlPlane.run(logger: quietLogger) { endpoint in
                    urlSink.yield(endpoint.registryURL)
                    for await _ in stop {}
                }
            }
            var iterator = urls.makeAsyncIterator()
            guard let url = await iterator.next() else { throw TestServerDidNotStart() }
            self.url = url
        }

        /// Stops the control plane and waits until it has.
        func stop() async {
            stopSignal.finish()
            for await _ in stopped {}
        }
    }

    @Test func agentsKeepWorkingThroughARestartAndAreFoundAgain() async throws {
        let state = FileManager.default.temporaryDirectory.appending(path: "hexr-cp-restart-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: state) }
        let trustDomain = try TrustDomain(parsing: "hexr.local")
        let authorizer = EmbeddedAuthorizer(bundle: try .defaultPolicy(), logger: quietLogger)
        func open() throws -> ControlPlane {
            let controlPlane = try ControlPlane(stateDirectory: state, trustDomain: trustDomain, authorizer: authorizer,
                                                leaseDuration: 1.5, logger: quietLogger)
            // This test process is the worker agent.
            try controlPlane.registrations.register(try RegistrationEntry(
                spiffeID: try SPIFFEID(parsing: "spiffe://hexr.local/agent/acme/worker"),
                selectors: [try WorkloadSelector.process(pid: getpid())]))
            return controlPlane
        }

        let first = try open()
        let source = try X509Source(endpoint: try WorkloadAPIEndpoint(parsing: "unix://" + first.socketPath),
                                    backoff: try Backoff(initial: .milliseconds(100), maximum: .milliseconds(500),
                                                         multiplier: 2, jitter: 0.1),
                                    logger: quietLogger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            let session1 = try await Session(first, in: &tasks)
            tasks.addTask { try await source.run() }
            _ = try await source.waitUntilReady(timeout: .seconds(10))

            func runtime(_ identity: any TLSIdentitySource) -> HexrRuntimeConfiguration {
                HexrRuntimeConfiguration(identity: identity, registryURL: session1.url, registryID: first.registryID,
                                         authorizer: authorizer, logger: quietLogger)
            }
            let worker = HexrAgentRuntime(config: AgentConfig(name: "worker", tenant: "acme", a2a: true),
                                          handler: Echo(), runtime: runtime(source))
            let caller = HexrAgentRuntime(
                config: AgentConfig(name: "caller", tenant: "acme"), handler: Echo(),
                runtime: runtime(StaticTLSIdentitySource(
                    svid: try first.authority.issueX509SVID(for: try SPIFFEID(parsing: "spiffe://hexr.local/agent/acme/caller")),
                    bundles: BundleSet([first.authority.bundle]))))

            func discoverWorker() async -> Bool {
                let deadline = ContinuousClock.now + .seconds(20)
                while ContinuousClock.now < deadline {
                    if let found = try? await caller.a2a.discover(), found.map(\.name) == ["worker"] { return true }
                    try? await Task.sleep(for: .milliseconds(100))
                }
                return false
            }

            try await withServiceGroup([worker]) { _ in
                #expect(await discoverWorker())
                let task = try await caller.a2a.send(agent: "worker", message: "before")
                #expect(try await caller.a2a.wait(for: task, timeout: .seconds(10)).output == "echo: before")

                await session1.stop()
                // No control plane: the worker still serves on its cached SVID, over the open route.
                #expect(try await caller.a2a.getTask(task.id).output == "echo: before")
                await #expect(throws: (any Error).self) { _ = try await caller.a2a.discover() }
                try await Task.sleep(for: .seconds(2))  // the lease (1.5 s) runs out meanwhile

                let session2 = try await Session(try open(), in: &tasks)
                #expect(session2.url == session1.url, "the registry listens where it did")
                #expect(await discoverWorker(), "the worker registers again")
                let again = try await caller.a2a.send(agent: "worker", message: "after")
                #expect(try await caller.a2a.wait(for: again, timeout: .seconds(10)).output == "echo: after")
                await caller.a2a.close()
                await session2.stop()
            }
            tasks.cancelAll()  // the source (a client): nothing else is left running
        }
    }
}
