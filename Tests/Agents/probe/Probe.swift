import A2A
import A2AHTTP
import Foundation
import Hexr
import HexrTransport
import Logging
import SPIFFE
import Tracing

/// A test agent for the end-to-end tests of `hexr up`: one executable for every agent of the test
/// manifest (name and tenant come from `hexr up`'s environment). Its tasks are commands:
///
/// - `discover` — the `tenant/name` of every agent this one may invoke;
/// - `call <agent> <text>` — a task to another agent by name, through the registry;
/// - `call-skill <agent> <skill> <text>` — the same, asking for a skill;
/// - `fanout <agent,agent,…> <text>` — the same task to several agents at once;
/// - `call-direct <base-url> <spiffe-id> <text>` — a task straight to an address, skipping the registry;
/// - `echo <text>`;
/// - `burst <n>` — `n` empty spans as fast as they can be made.
@main
struct Probe: HexrAgent {
    static let config = AgentConfig(
        name: ProcessInfo.processInfo.environment["HEXR_AGENT_NAME"] ?? "probe",
        tenant: ProcessInfo.processInfo.environment["HEXR_TENANT"] ?? "test", a2a: true,
        description: "End-to-end test probe", skills: [AgentConfig.skill("probe", "Runs test commands")])

    /// `hexr-test-probe --run "<command>; <command>; …"` runs the commands itself (as an entry
    /// agent, inside its run span) and prints each answer; otherwise it serves until stopped.
    func run(_ hexr: HexrContext) async throws {
        let arguments = CommandLine.arguments
        guard let flag = arguments.firstIndex(of: "--run"), flag + 1 < arguments.count else {
            await hexr.waitForShutdown()
            return
        }
        for _ in 0..<300 where (try? await hexr.a2a.discover().count) ?? 0 < 2 {
            try await Task.sleep(for: .milliseconds(100))
        }
        for command in arguments[flag + 1].split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            print("probe: \(command) => \(await execute(command, hexr) ?? "unknown command")")
        }
    }

    func handle(_ task: TaskContext, _ hexr: HexrContext) async throws {
        guard let answer = await execute(task.text, hexr) else {
            try await task.reject("unknown probe command: \(task.text)")
            return
        }
        try await task.addArtifact(parts: [.text(answer)])
    }

    /// The answer to one command, `nil` when it is not one.
    private func execute(_ command: String, _ hexr: HexrContext) async -> String? {
        let words = command.split(separator: " ", maxSplits: 3).map(String.init)
        switch words.first {
        case "discover":
            return await outcome {
                let names = Set(try await hexr.a2a.discover().map { "\($0.tenant)/\($0.name)" }).sorted()
                return names.isEmpty ? "(none)" : names.joined(separator: ", ")
            }.replacingOccurrences(of: "ok: ", with: "")
        case "call" where words.count >= 3:
            return await outcome { try await call(words[1], words.dropFirst(2).joined(separator: " "), skill: nil, hexr) }
        case "call-skill" where words.count == 4:
            return await outcome { try await call(words[1], words[3], skill: words[2], hexr) }
        case "fanout" where words.count >= 3:
            let agents = words[1].split(separator: ",").map(String.init)
            let text = words.dropFirst(2).joined(separator: " ")
            return await outcome {
                try await withThrowingTaskGroup(of: String.self) { group in
                    for agent in agents { group.addTask { try await call(agent, text, skill: nil, hexr) } }
                    return try await group.reduce(into: [String]()) { $0.append($1) }.sorted().joined(separator: " | ")
                }
            }
        case "call-direct" where words.count == 4:
            return await outcome { try await callDirect(words[1], id: words[2], text: words[3], hexr: hexr) }
        case "echo":
            return "echo: " + words.dropFirst().joined(separator: " ")
        case "burst" where words.count == 2:
            guard let count = Int(words[1]), count > 0 else { return nil }
            for _ in 0..<count { InstrumentationSystem.tracer.withSpan("burst") { _ in } }
            return "burst: \(count) spans"
        default:
            return nil
        }
    }

    private func call(_ agent: String, _ text: String, skill: String?, _ hexr: HexrContext) async throws -> String {
        let sent = try await hexr.a2a.send(agent: agent, message: text, skill: skill)
        return try await hexr.a2a.wait(for: sent, timeout: .seconds(20)).output
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
