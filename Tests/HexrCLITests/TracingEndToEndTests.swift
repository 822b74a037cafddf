import Foundation
import HexrTestSupport
import Testing

/// Every hop traced, checked by a real OTLP receiver (the `opentelemetry-proto` package): `hexr up`
/// of Tests/Fixtures/traced exports to it instead of the control plane, and one run — a 3-hop
/// pipeline, a fan-out to 3 agents and a denied call — must arrive as one trace with the right
/// parent links, policy-decision spans and an error span for the denial.
@Suite(.serialized)
struct TracingEndToEndTests {
    struct ExportedSpan: Decodable {
        let traceID: String
        let spanID: String
        let parentSpanID: String
        let name: String
        let kind: String
        let service: String
        let statusCode: Int
        let attributes: [String: AttributeValue]

        enum CodingKeys: String, CodingKey {
            case traceID = "trace_id", spanID = "span_id", parentSpanID = "parent_span_id", name, kind, service
            case statusCode = "status_code", attributes
        }
    }

    enum AttributeValue: Decodable, Equatable {
        case string(String), bool(Bool), number(Double), list([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let list = try? container.decode([String].self) { self = .list(list) }
            else { self = .string(try container.decode(String.self)) }
        }
    }

    /// Runs `hexr up` of `Tests/Fixtures/<fixture>` exporting to a real OTLP receiver; returns what
    /// `hexr up` printed and every span the receiver got.
    private func runExportingToAReceiver(_ fixture: String) async throws -> (stdout: String, spans: [ExportedSpan]) {
        let python = try Interop.requirePython()
        let out = FileManager.default.temporaryDirectory.appending(path: "hexr-otlp-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: out) }
        let receiver = try ExternalProcess(python, [Interop.directory.appending(path: "otlp/receiver.py").path,
                                                    "--out", out.path])
        defer { receiver.stop() }
        let port = try await receiver.waitForLine(prefix: "listening")

        let state = "/tmp/hexr-\(fixture)-" + UUID().uuidString.prefix(8).lowercased()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let up = try ExternalProcess(
            IdentityCommandTests.hexr,
            ["up", UpCommandTests.repository.appending(path: "Tests/Fixtures/\(fixture)").path, "--state-dir", state],
            environment: ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://127.0.0.1:\(port)/v1/traces"])
        #expect(try await up.waitForExit(timeout: .seconds(120)) == 0, "\(up.stdout)\n\(up.stderr)")
        let spans = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(ExportedSpan.self, from: Data($0.utf8)) }
        return (up.stdout, spans)
    }

    @Test func onePipelineAndFanOutRunIsOneTraceAtARealReceiver() async throws {
        let (stdout, spans) = try await runExportingToAReceiver("traced")
        #expect(stdout.contains("[driver] probe: call alpha call beta call gamma echo deep => ok: ok: ok: echo: deep"),
                "\(stdout)")
        #expect(stdout.contains("hexr: spans were exported to your OTLP collector"))

        let root = try #require(spans.first { $0.name == "run driver" && $0.parentSpanID.isEmpty })
        let run = spans.filter { $0.traceID == root.traceID }
        // Outside the run's trace there are only the serving agents' own (empty) run spans.
        let elsewhere = spans.filter { $0.traceID != root.traceID }
        #expect(elsewhere.allSatisfy { $0.name.hasPrefix("run ") && $0.parentSpanID.isEmpty }, "\(elsewhere.map(\.name))")
        #expect(Set(run.map(\.service)) == ["driver", "alpha", "beta", "gamma", "f1", "f2", "f3"])

        func child(of parent: ExportedSpan, _ name: String, service: String? = nil) throws -> ExportedSpan {
            try #require(run.first { $0.parentSpanID == parent.spanID && $0.name == name && (service == nil || $0.service == service) },
                         "no \(name) under \(parent.name)")
        }
        // The pipeline: driver → alpha → beta → gamma, each hop CLIENT → SERVER → handler → next CLIENT.
        var caller = root
        for hop in ["alpha", "beta", "gamma"] {
            let invoke = try child(of: caller, "invoke_agent \(hop)")
            #expect(invoke.kind == "client")
            #expect(invoke.attributes["gen_ai.operation.name"] == .string("invoke_agent"))
            let served = try child(of: invoke, "A2A SendMessage", service: hop)
            #expect(served.kind == "server")
            let decision = try child(of: served, "hexr.authz.decision")
            #expect(decision.attributes["hexr.authz.allow"] == .bool(true))
            #expect(decision.attributes["hexr.authz.reasons"] == .list(["same tenant"]))
            #expect(decision.attributes["hexr.authz.decision_id"] != nil)
            caller = try child(of: served, "handle task")
        }
        // The fan-out: three CLIENT spans under the run, each served by its agent.
        for agent in ["f1", "f2", "f3"] {
            let invoke = try child(of: root, "invoke_agent \(agent)")
            _ = try child(of: invoke, "A2A SendMessage", service: agent)
        }
        // The denied call: an error decision span under an error SERVER span at beta.
        let denied = try #require(run.first { $0.name == "hexr.authz.decision" && $0.attributes["hexr.authz.allow"] == .bool(false) })
        #expect(denied.statusCode == 2 && denied.service == "beta")
        #expect(denied.attributes["error.type"] == .string("authz_denied"))
        let refusedAt = try #require(run.first { $0.spanID == denied.parentSpanID })
        #expect(refusedAt.name == "A2A SendMessage" && refusedAt.statusCode == 2)
        #expect(refusedAt.attributes["error.type"] == .string("PERMISSION_DENIED"))
    }

    /// A burst three times the OpenTelemetry default queue (2,048) is exported whole: the agents'
    /// batch processor (`SpanBatching`) holds 8,192 spans and exports up to 2,048 every 100 ms.
    @Test func aBurstOfSpansReachesTheCollectorWhole() async throws {
        let (stdout, spans) = try await runExportingToAReceiver("burst")
        #expect(stdout.contains("[driver] probe: burst 6000 => burst: 6000 spans"), "\(stdout)")
        #expect(!stdout.contains("dropped"), "\(stdout)")

        let bursts = spans.filter { $0.name == "burst" && $0.service == "driver" }
        #expect(bursts.count == 6000)
        #expect(Set(bursts.map(\.spanID)).count == 6000)
    }
}
