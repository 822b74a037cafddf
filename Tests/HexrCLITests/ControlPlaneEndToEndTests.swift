import Foundation
import HexrTestSupport
import Testing

/// `hexr up` with real processes and the operator CLI against it (Tests/Fixtures/e2e): three probe
/// agents in two tenants under the default policy, plus an impostor. Everything is driven the way
/// an operator would: `hexr agents`, `hexr send`, `hexr tasks`, `hexr task`.
@Suite(.serialized) struct ControlPlaneEndToEndTests {
    static let fixture = UpCommandTests.repository.appending(path: "Tests/Fixtures/e2e").path

    /// A running `hexr up` of the fixture and the CLI pointed at its state directory.
    struct Run {
        let up: ExternalProcess
        let state: String

        /// Runs `hexr <arguments> --state-dir <state>` to completion.
        func cli(_ arguments: String...) async throws -> (status: Int32, out: String) {
            let process = try ExternalProcess(IdentityCommandTests.hexr, arguments + ["--state-dir", state])
            let status = try await process.waitForExit(timeout: .seconds(60))
            return (status, process.stdout + process.stderr)
        }

        /// The output of a task sent with `hexr send` (the lines after the `task <id>: <state>` line).
        func send(_ agent: String, _ text: String) async throws -> String {
            let (status, out) = try await cli("send", agent, text)
            #expect(status == 0, "\(out)")
            return out.split(separator: "\n").dropFirst().joined(separator: "\n")
        }

        /// Polls `hexr agents` (≤ 30 s) until `condition` holds for its output; returns the last output.
        func agents(until condition: (String) -> Bool) async throws -> String {
            let deadline = ContinuousClock.now + .seconds(30)
            var out = ""
            while ContinuousClock.now < deadline {
                out = try await cli("agents").out
                if condition(out) { return out }
                try await Task.sleep(for: .milliseconds(200))
            }
            return out
        }

        /// The PID `hexr up` reported for `label`'s latest launch.
        func pid(of label: String) -> Int32? {
            up.stdout.split(separator: "\n").last { $0.hasPrefix("hexr: started \(label) (pid ") || $0.hasPrefix("hexr: restarted \(label) (pid ") }
                .flatMap { line in line.split(separator: "(pid ").last?.split(separator: ")").first }
                .flatMap { Int32($0) }
        }
    }

    private func withRun(_ body: (Run) async throws -> Void) async throws {
        let state = "/tmp/hexr-e2e-" + UUID().uuidString.prefix(8).lowercased()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let up = try ExternalProcess(IdentityCommandTests.hexr, ["up", Self.fixture, "--state-dir", state])
        defer { up.stop() }
        try await body(Run(up: up, state: state))
    }

    @Test func operatorsAndAgentsSeeWhatTheyMayAndNothingMore() async throws {
        try await withRun { run in
            let listed = try await run.agents { ["/acme/alpha", "/acme/beta", "/globex/gamma"].allSatisfy($0.contains) }
            #expect(listed.contains("spiffe://hexr.local/agent/acme/alpha"), "\(listed)\n\(run.up.stdout)")
            #expect(listed.contains("spiffe://hexr.local/agent/globex/gamma"))
            #expect(listed.contains("healthy"))
            // `hexr up` reports each agent as it comes up (it looks every few hundred ms, so one
            // agent can be reported a round after another that registered at the same moment).
            let deadline = ContinuousClock.now + .seconds(10)
            while !(run.up.stdout.contains("hexr: gamma is up at https://127.0.0.1:")
                    && run.up.stdout.contains("hexr: alpha is up at https://127.0.0.1:")),
                  ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(run.up.stdout.contains("hexr: alpha is up at https://127.0.0.1:"), "\(run.up.stdout)")
            #expect(run.up.stdout.contains("as spiffe://hexr.local/agent/globex/gamma"))
            let acme = try await run.cli("agents", "--tenant", "acme").out
            #expect(acme.contains("/acme/alpha") && acme.contains("/acme/beta") && !acme.contains("gamma"), "\(acme)")

            // Discovery is tenant-scoped: each agent sees its own tenant's others only.
            #expect(try await run.send("alpha", "discover") == "acme/beta")
            #expect(try await run.send("gamma", "discover") == "(none)")

            // A send by name round-trips, agent to agent, over mTLS.
            #expect(try await run.send("alpha", "call beta echo hello") == "ok: echo: hello")

            // Across tenants: not even found by name, and refused by the agent's own policy gate
            // when called straight at its address.
            let byName = try await run.send("gamma", "call alpha echo hi")
            #expect(byName.hasPrefix("error: no agent named 'alpha'"), "\(byName)")
            let agents = try await run.cli("agents").out
            let alphaURL = try #require(agents.split(separator: "\n").first { $0.contains("/acme/alpha") }?
                .split(separator: " ", omittingEmptySubsequences: true).first { $0.hasPrefix("https://") })
            let base = alphaURL.replacingOccurrences(of: "/a2a/jsonrpc", with: "")
            let direct = try await run.send("gamma", "call-direct \(base) spiffe://hexr.local/agent/acme/alpha echo hi")
            #expect(direct == "error: Denied by policy: cross-tenant call without a grant", "\(direct)")

            // An agent claiming another's name is refused by the registry; only the real alpha is listed.
            #expect(run.up.stdout.contains("[mallory] impostor: spiffe://hexr.local/agent/acme/mallory refused:"),
                    "\(run.up.stdout)")
            #expect(run.up.stdout.contains("NAME_MISMATCH"))
            #expect(agents.components(separatedBy: "\n").filter { $0.contains(" alpha ") }.count == 1, "\(agents)")
            #expect(!agents.contains("mallory"))

            // The operator's task list and a single task.
            let tasks = try await run.cli("tasks", "alpha").out
            #expect(tasks.contains("TASK_STATE_COMPLETED") && tasks.contains("acme/beta"), "\(tasks)")
            let (unknownStatus, unknown) = try await run.cli("send", "nobody", "x")
            #expect(unknownStatus != 0 && unknown.contains("no agent named 'nobody'"), "\(unknown)")
        }
    }

    @Test func aKilledAgentLeavesDiscoveryAndARestartedOneKeepsItsTasks() async throws {
        try await withRun { run in
            _ = try await run.agents { ["/acme/alpha", "/acme/beta"].allSatisfy($0.contains) }
            let sent = try await run.cli("send", "alpha", "echo durable")
            let taskID = try #require(sent.out.split(separator: " ").dropFirst().first?.dropLast().description)

            // beta dies without deregistering: its 3 s lease runs out.
            let beta = try #require(run.pid(of: "beta"))
            kill(beta, SIGKILL)
            let afterKill = try await run.agents { !$0.contains("/acme/beta") }
            #expect(!afterKill.contains("/acme/beta"), "\(afterKill)")
            let reportDeadline = ContinuousClock.now + .seconds(10)
            while !run.up.stdout.contains("hexr: spiffe://hexr.local/agent/acme/beta left the registry"),
                  ContinuousClock.now < reportDeadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(run.up.stdout.contains("hexr: spiffe://hexr.local/agent/acme/beta left the registry"))

            // alpha (restart: on-failure) is relaunched with the same identity and state.
            let alpha = try #require(run.pid(of: "alpha"))
            kill(alpha, SIGKILL)
            let deadline = ContinuousClock.now + .seconds(30)
            while run.pid(of: "alpha") == alpha && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(run.pid(of: "alpha") != alpha, "\(run.up.stdout)")
            _ = try await run.agents { $0.contains("/acme/alpha") }
            var shown = try await run.cli("task", "alpha", taskID)
            for _ in 0..<50 where shown.status != 0 {
                try await Task.sleep(for: .milliseconds(200))
                shown = try await run.cli("task", "alpha", taskID)
            }
            #expect(shown.out.contains("TASK_STATE_COMPLETED") && shown.out.contains("echo: durable"), "\(shown.out)")
            #expect(try await run.send("alpha", "echo again") == "echo: again")
        }
    }
}
