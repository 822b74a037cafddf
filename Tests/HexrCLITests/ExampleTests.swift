import Foundation
import HexrTestSupport
import Testing

/// The README's demos, run as a user runs them (`hexr up Examples/…`) with the offline model, and
/// their output checked.
@Suite(.serialized) struct ExampleTests {
    private func up(_ example: String, environment: [String: String] = [:]) async throws -> (status: Int32, out: String) {
        let state = "/tmp/hexr-example-" + UUID().uuidString.prefix(8).lowercased()
        defer { try? FileManager.default.removeItem(atPath: state) }
        return try await up(example, state: state, environment: environment)
    }

    private func up(_ example: String, state: String, environment: [String: String] = [:]) async throws
        -> (status: Int32, out: String)
    {
        let process = try ExternalProcess(
            IdentityCommandTests.hexr,
            ["up", UpCommandTests.repository.appending(path: "Examples/\(example)").path, "--state-dir", state],
            environment: ["HEXR_LLM_PROVIDER": "local"].merging(environment) { $1 })
        let status = try await process.waitForExit(timeout: .seconds(120))
        return (status, process.stdout + process.stderr)
    }

    @Test func fanOutResearchesThreeTopicsInParallelAndSynthesizes() async throws {
        let (status, out) = try await up("fan-out")
        #expect(status == 0, "\(out)")
        for replica in 1...3 {
            #expect(out.contains("[coordinator] Found: research-analyst - Researches a topic and reports key findings "
                + "[spiffe://hexr.local/agent/acme-corp/research-analyst/r\(replica)]"), "\(out)")
        }
        for topic in ["AI agents", "quantum computing", "climate tech"] {
            #expect(out.contains("[coordinator] Result for \(topic):"), "\(out)")
            #expect(out.contains("[coordinator] [offline local model] Research \(topic) trends for 2026."))
        }
        let researchedBy = Set(out.split(separator: "\n").filter { $0.hasPrefix("[coordinator] — researched by spiffe://") })
        #expect(researchedBy.count == 3, "\(researchedBy)")
        #expect(out.contains("[coordinator] Synthesis:"))
        #expect(out.contains("- AI agents: [offline local model] Research AI agents trends for 2026."), "\(out)")
        // Each analyst logs the decision that let the coordinator in, and the one wrong edge is refused.
        #expect(out.components(separatedBy: "policy allowed SendMessage").count - 1 == 3, "\(out)")
        #expect(out.contains("Denied, as the policy says: coordinator -> research-analyst (skill export): "
            + "the agent answered with an error: A2AError -32040 PERMISSION_DENIED: Denied by policy: "
            + "the coordinator may only use the research skill, not export"), "\(out)")
        #expect(out.contains("hexr: coordinator exited with status 0"))
    }

    @Test func theRunsTraceIsPrintedAndCanBeShownAgain() async throws {
        let state = "/tmp/hexr-example-" + UUID().uuidString.prefix(8).lowercased()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let (status, out) = try await up("fan-out", state: state)
        #expect(status == 0, "\(out)")
        let lines = out.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("hexr: the run's trace") }, "\(out)")
        let waterfall = Array(lines[(start + 1)...])
        #expect(waterfall.first?.hasPrefix("trace ") == true)
        #expect(waterfall.dropFirst().first?.hasPrefix("run coordinator") == true)
        #expect(waterfall.filter { $0.hasPrefix("├─ invoke_agent research-analyst") }.count == 3, "\(waterfall)")
        #expect(waterfall.filter { $0.contains("hexr.authz.decision") && $0.contains("allow: coordinator may use the research analysts") }.count >= 3)
        #expect(waterfall.contains { $0.contains("DENY: the coordinator may only use the research skill, not export") })
        #expect(waterfall.contains { $0.contains("chat gpt-4o") && $0.contains("model hexr-local") })

        func trace(_ which: String) async throws -> [String] {
            let process = try ExternalProcess(IdentityCommandTests.hexr, ["trace", which, "--state-dir", state])
            #expect(try await process.waitForExit(timeout: .seconds(30)) == 0, "\(process.stderr)")
            return process.stdout.split(separator: "\n").map(String.init)
        }
        #expect(try await trace("last") == waterfall)
        let taskID = try #require(lines.first { $0.hasPrefix("[coordinator] Sent: \"AI agents\" as task ") }?
            .split(separator: " ").last.map(String.init))
        #expect(try await trace(taskID) == waterfall)
        let unknown = try ExternalProcess(IdentityCommandTests.hexr, ["trace", "no-such-task", "--state-dir", state])
        #expect(try await unknown.waitForExit(timeout: .seconds(30)) != 0)
        #expect(unknown.stderr.contains("no trace 'no-such-task'"), "\(unknown.stderr)")
    }

    @Test func pipelineReturnsTheOutputOfAllThreeStages() async throws {
        let (status, out) = try await up("pipeline")
        #expect(status == 0, "\(out)")
        #expect(out.contains("[editor] Found: researcher - Collects research notes on a topic"), "\(out)")
        #expect(!out.contains("[editor] Found: writer") && !out.contains("[editor] Found: reviewer"))
        for stage in ["researcher", "writer", "reviewer"] {
            #expect(out.contains("[editor] == \(stage) (spiffe://hexr.local/agent/newsroom/\(stage)) =="), "\(out)")
        }
        #expect(out.contains("[editor] [offline local model] Review this draft and list what to improve:"))
        #expect(out.contains("Denied, as the policy says: editor -> reviewer: no agent named 'reviewer'"), "\(out)")
    }

    @Test func aFailingStageFailsThePipelineWithItsReason() async throws {
        let (status, out) = try await up("pipeline", environment: ["PIPELINE_FAIL_AT": "writer"])
        #expect(status == 1, "\(out)")
        #expect(out.contains("editor failed: the pipeline failed: writer failed: PIPELINE_FAIL_AT=writer asked it to"),
                "\(out)")
        #expect(!out.contains("Pipeline result:"))
    }
}
