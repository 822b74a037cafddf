import Foundation
import HexrControlPlane
import Testing

/// `hexr.yaml` parsing: fields, defaults, and an error naming the field for every mistake.
@Suite struct ManifestTests {
    let directory = URL(fileURLWithPath: "/srv/run")

    @Test func parsesTheArchitectureExample() throws {
        let manifest = try Manifest.parse("""
            trustDomain: example.org
            policy: policy/
            agents:
              - name: coordinator
                tenant: acme-corp
                command: ["swift", "run", "fanout-coordinator"]
                entry: true
              - name: research-analyst
                tenant: acme-corp
                replicas: 3
                command: ["research-analyst"]
            """, directory: directory)
        #expect(manifest.trustDomain.name == "example.org")
        #expect(manifest.policy?.path == "/srv/run/policy")
        #expect(manifest.agents.map(\.replicas) == [1, 3])
        #expect(manifest.entry?.name == "coordinator")
        #expect(manifest.agents.map(\.restart) == [.never, .never])
        #expect(manifest.leaseSeconds == 15)
    }

    @Test func restartPolicyAndLease() throws {
        let manifest = try Manifest.parse("""
            leaseSeconds: 2.5
            agents:
              - {name: worker, tenant: t, command: [w], restart: on-failure}
            """, directory: directory)
        #expect(manifest.agents.first?.restart == .onFailure)
        #expect(manifest.leaseSeconds == 2.5)
    }

    @Test(arguments: [
        ("agents: []", "agents must be a non-empty list"),
        ("agents:\n  - name: a\n    command: [x]", "agents[0].tenant"),
        ("agents:\n  - name: a b\n    tenant: t\n    command: [x]", "agents[0].name"),
        ("agents:\n  - name: a\n    tenant: t\n    command: x", "agents[0].command"),
        ("agents:\n  - name: a\n    tenant: t\n    command: [x]\n    replicas: 0", "agents[0].replicas"),
        ("agents:\n  - name: a\n    tenant: t\n    command: [x]\n    entry: maybe", "agents[0].entry"),
        ("trustDomain: Not_Valid!\nagents:\n  - name: a\n    tenant: t\n    command: [x]", "trustDomain"),
        ("agents:\n  - name: a\n    tenant: t\n    command: [x]\n  - name: a\n    tenant: t\n    command: [y]", "declared twice"),
        ("agents:\n  - {name: a, tenant: t, command: [x], entry: true}\n  - {name: b, tenant: t, command: [y], entry: true}",
         "only one agent"),
        ("agents: [", "not valid YAML"),
        ("agents:\n  - {name: a, tenant: t, command: [x], restart: always}", "agents[0].restart"),
        ("agents:\n  - {name: a, tenant: t, command: [x], entry: true, restart: on-failure}", "entry agent is never restarted"),
        ("leaseSeconds: 0\nagents:\n  - {name: a, tenant: t, command: [x]}", "leaseSeconds"),
        ("leaseSeconds: soon\nagents:\n  - {name: a, tenant: t, command: [x]}", "leaseSeconds"),
    ])
    func mistakesAreNamed(text: String, mention: String) {
        do {
            _ = try Manifest.parse(text, directory: directory)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.contains(mention), "\(error.description)")
        }
    }

    @Test(arguments: ["hello/hexr.yaml", "fan-out/hexr.yaml", "fan-out/serve.yaml", "pipeline/hexr.yaml"])
    func everyExampleManifestLoads(path: String) throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "Examples")
        let manifest = try Manifest.load(examples.appending(path: path))
        #expect(!manifest.agents.isEmpty)
        if let policy = manifest.policy {
            #expect(FileManager.default.fileExists(atPath: policy.path), "\(policy.path)")
        }
    }
}
