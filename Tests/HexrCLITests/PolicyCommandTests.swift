import Foundation
import HexrTestSupport
import Testing

/// `hexr policy eval | test | replay`, run as a user runs them.
@Suite struct PolicyCommandTests {
    private static var hexr: String { IdentityCommandTests.hexr }

    private func workspace() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appending(path: "hexr-policy-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appending(path: "policy"), withIntermediateDirectories: true)
        try Data(#"""
            package hexr.authz
            import rego.v1
            default allow := false
            allow if input.source.tenant == input.destination.tenant
            decision := {"allow": allow, "reasons": ["tenant check"]}
            test_same_tenant if allow with input as {"source": {"tenant": "a"}, "destination": {"tenant": "a"}}
            test_other_tenant if not allow with input as {"source": {"tenant": "a"}, "destination": {"tenant": "b"}}
            """#.utf8).write(to: directory.appending(path: "policy/authz.rego"))
        try Data(#"{"source": {"tenant": "acme"}, "destination": {"tenant": "acme"}}"#.utf8)
            .write(to: directory.appending(path: "input.json"))
        return directory
    }

    private func run(_ arguments: [String]) async throws -> (Int32, String, String) {
        let process = try ExternalProcess(Self.hexr, arguments)
        let status = try await process.waitForExit(timeout: .seconds(30))
        return (status, process.stdout, process.stderr)
    }

    @Test func evalPrintsTheDecisionOrUndefined() async throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, out, err) = try await run(["policy", "eval", "--policy", dir.appending(path: "policy").path,
                                                "--input", dir.appending(path: "input.json").path])
        #expect(status == 0, "\(err)")
        #expect(out.contains(#""allow":true"#), "\(out)")
        let (_, undefined, _) = try await run(["policy", "eval", "--policy", dir.appending(path: "policy").path,
                                               "--input", dir.appending(path: "input.json").path,
                                               "--query", "data.hexr.authz.nothing"])
        #expect(undefined.trimmingCharacters(in: .whitespacesAndNewlines) == "undefined")
    }

    @Test func evalReportsAMissingInputFile() async throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, _, err) = try await run(["policy", "eval", "--policy", dir.appending(path: "policy").path,
                                              "--input", "/nonexistent/input.json"])
        #expect(status != 0)
        #expect(err.contains("/nonexistent/input.json"), "\(err)")
    }

    @Test func testRunsTheTestRules() async throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, out, err) = try await run(["policy", "test", dir.appending(path: "policy").path])
        #expect(status == 0, "\(out)\(err)")
        #expect(out.contains("2 passed, 0 failed"), "\(out)")
        // A failing test makes the command fail.
        try Data("package hexr.authz\nimport rego.v1\ntest_broken if false\n".utf8)
            .write(to: dir.appending(path: "policy/broken.rego"))
        let (failed, output, _) = try await run(["policy", "test", dir.appending(path: "policy").path])
        #expect(failed == 1)
        #expect(output.contains("1 failed"), "\(output)")
    }

    @Test func replayShowsWhereACandidateDisagrees() async throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let entry = #"""
            {"decision_id":"d-1","time":"2026-11-25T10:00:00.000Z","input":{"source":{"tenant":"acme"},"destination":{"tenant":"acme"}},"result":{"allow":true,"reasons":["same tenant"]},"policy_revision":"r1","trace_id":null}
            {"decision_id":"d-2","time":"2026-11-25T10:00:01.000Z","input":{"source":{"tenant":"acme"},"destination":{"tenant":"globex"}},"result":{"allow":true,"reasons":["old grant"]},"policy_revision":"r1","trace_id":null}

            """#
        try Data(entry.utf8).write(to: dir.appending(path: "decisions.jsonl"))
        let (status, out, err) = try await run(["policy", "replay", dir.appending(path: "decisions.jsonl").path,
                                                "--policy", dir.appending(path: "policy").path])
        #expect(status == 1, "\(err)")
        #expect(out.contains("d-2"), "\(out)")
        #expect(!out.contains("d-1 "), "\(out)")
    }
}
