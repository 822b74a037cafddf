import Foundation
import HexrTestSupport
import Testing

/// `hexr up` with real processes: the control plane, Workload API attestation by process, mTLS,
/// the registry, discovery and a send by name — the whole path a user runs.
@Suite(.serialized) struct UpCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func stateDirectory() -> String {
        "/tmp/hexr-up-" + UUID().uuidString.prefix(8).lowercased()
    }

    @Test func helloExampleRunsEndToEnd() async throws {
        let state = stateDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let up = try ExternalProcess(IdentityCommandTests.hexr,
                                     ["up", Self.repository.appending(path: "Examples/hello").path, "--state-dir", state])
        let status = try await up.waitForExit(timeout: .seconds(120))
        let out = up.stdout
        #expect(status == 0, "\(out)\n\(up.stderr)")
        #expect(out.contains("hexr: started hello-responder/r1"))
        #expect(out.contains("[hello-caller] Found: hello-responder - Greets whoever asks (spiffe://hexr.local/agent/demo/hello-responder/r1)"), "\(out)")
        #expect(out.contains("(spiffe://hexr.local/agent/demo/hello-responder/r2)"))
        #expect(out.contains("[hello-caller] Result: Hello, world! (answered by spiffe://hexr.local/agent/demo/hello-caller → me)"), "\(out)")
        #expect(out.contains("hexr: hello-caller exited with status 0"))
        #expect(out.contains("hexr: all agents stopped"))
        // The CA is kept in the state directory, owner-only.
        let mode = try FileManager.default.attributesOfItem(atPath: state + "/ca.json")[.posixPermissions] as? NSNumber
        #expect(mode?.uint16Value == 0o600)
    }

    @Test func theEntryAgentsExitStatusIsTheRuns() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "hexr-up-fail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("""
            agents:
              - name: broken
                tenant: demo
                entry: true
                command: ["sh", "-c", "echo about to fail; exit 3"]
            """.utf8).write(to: directory.appending(path: "hexr.yaml"))
        let state = stateDirectory()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let up = try ExternalProcess(IdentityCommandTests.hexr, ["up", directory.path, "--state-dir", state])
        #expect(try await up.waitForExit(timeout: .seconds(60)) == 3, "\(up.stdout)\n\(up.stderr)")
        #expect(up.stdout.contains("[broken] about to fail"))
        #expect(up.stdout.contains("hexr: broken exited with status 3"))
    }

    @Test func anInvalidManifestIsAClearError() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "hexr-up-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("agents:\n  - name: x\n    command: [\"true\"]\n".utf8).write(to: directory.appending(path: "hexr.yaml"))
        let up = try ExternalProcess(IdentityCommandTests.hexr, ["up", directory.path, "--state-dir", stateDirectory()])
        #expect(try await up.waitForExit(timeout: .seconds(30)) != 0)
        #expect(up.stderr.contains("agents[0].tenant"), "\(up.stderr)")
    }
}
