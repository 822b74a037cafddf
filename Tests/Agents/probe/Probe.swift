import A2A
import A2AHTTP
import Foundation
import Hexr
import HexrTransport
import Logging
import SPIFFE

/// A test agent for the end-to-end tests of `hexr up`: one executable for every agent of the test
/// manifest (name and tenant come from `hexr up`'s environment). Its tasks are commands:
///
/// - `discover` — the `tenant/name` of every agent this one may invoke;
/// - `call <agent> <text>` — a task to another agent by name, through the registry;
/// - `call-direct <base-url> <spiffe-id> <text>` — a task straight to an address, skipping the registry;
/// - `echo <text>`.
@main
struct Probe: HexrAgent {
    static let config = AgentConfig(
        name: ProcessInfo.processInfo.environment["HEXR_AGENT_NAME"] ?? "probe",
        tenant: ProcessInfo.processInfo.environment["HEXR_TENANT"] ?? "test", a2a: true,
        description: "End-to-end test probe", skills: [AgentConfig.skill("probe", "Runs test commands")])

    func handle(_ task: TaskContext, _ hexr: HexrContext) async throws {
        let words = task.text.split(separator: " ", maxSplits: 3).map(String.init)
        let answer: String
        switch words.first {
        case "discover":
            let names = Set(try await hexr.a2a.discover().map { "\($0.tenant)/\($0.name)" }).sorted()
            answer = names.isEmpty ? "(none)" : names.joined(separator: ", ")
        case "call" where words.count >= 3:
            answer = await outcome {
                let sent = try await hexr.a2a.send(agent: words[1], message: words.dropFirst(2).joined(separator: " "))
                return try await hexr.a2a.wait(for: sent, timeout: .seconds(20)).output
            }
        case "call-direct" where words.count == 4:
            answer = await outcome { try await callDirect(words[1], id: words[2], text: words[3], hexr: hexr) }
        case "echo":
            answer = "echo: " + words.dropFirst().joined(separator: " ")
        default:
            try await task.reject("unknown probe command: \(task.text)")
            return
        }
        try await task.addArtifact(parts: [.text(answer)])
    }

    private func outcome(_ body: () async throws -> String) async -> String {
        do {
            return "ok: " + (try await body())
        } catch A2AClientError.remote(let error) {
            return "error: \(error.message)"
        } catch {
            return "error: \(error)"
        }
    }

    private func callDirect(_ base: String, id: String, text: String, hexr: HexrContext) async throws -> String {
        guard let url = URL(string: base) else { throw ProbeError.badArgument(base) }
        let expected = try SPIFFEID(parsing: id)
        let transport = PooledHTTPClient(security: SPIFFEClientSecurity(
            source: hexr.identitySource, refusals: TLSRefusalLog(logger: hexr.logger)) { _, _ in .exact(expected) })
        defer { Task { await transport.closeIdleConnections() } }
        let client = try A2AClient(card: try await A2AClient.fetchCard(from: url, transport: transport), transport: transport)
        switch try await client.sendMessage(text: text) {
        case .task(let task): return task.output
        case .message(let message): return message.text
        }
    }
}

enum ProbeError: Error {
    case badArgument(String)
}
