import A2A
import ArgumentParser
import Foundation
import Hexr

/// `hexr agents`: what is registered, with its identity and lease.
struct AgentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agents", abstract: "List the registered agents of every tenant (or one), with their SPIFFE IDs.")

    @OptionGroup var options: OperatorOptions

    @Option(help: "Only this tenant's agents.")
    var tenant: String?

    func run() async throws {
        let agents = try await OperatorSession.run(options) { session in
            try await session.registry.allAgents().filter { tenant == nil || $0.tenant == tenant }
        }
        guard !agents.isEmpty else {
            Console.line(tenant.map { "no agents of tenant \($0) are registered" } ?? "no agents are registered")
            return
        }
        let now = Date()
        var rows = [["TENANT", "AGENT", "SPIFFE ID", "ENDPOINT", "LEASE", "SKILLS"]]
        for agent in agents {
            let lease = ProtoTimestamp.parse(agent.expiresAt).map { "healthy, \(Int($0.timeIntervalSince(now).rounded(.up))) s left" }
                ?? agent.expiresAt
            rows.append([agent.tenant, agent.name, agent.spiffeId, agent.card.supportedInterfaces.first?.url ?? "-", lease,
                         agent.card.skills.map(\.id).joined(separator: ",")])
        }
        Console.table(rows)
    }
}

/// `hexr send`: a task to an agent, as the operator identity, and its result.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send", abstract: "Send a task to an agent by name (as the operator identity) and print its result.")

    @OptionGroup var options: OperatorOptions

    @Argument(help: "The agent's name.")
    var agent: String

    @Argument(help: "The message text.")
    var text: String

    @Option(help: "The agent's tenant (when several tenants have an agent of that name).")
    var tenant: String?

    @Option(help: "The skill to invoke.")
    var skill: String?

    @Flag(help: "Print the task id and return without waiting for the result.")
    var noWait = false

    func run() async throws {
        let task = try await OperatorSession.run(options) { session in
            let task: A2ATask
            do {
                task = try await session.a2a.send(agent: agent, message: text, skill: skill, tenant: tenant)
            } catch A2AClientError.remote(let error) {
                throw ValidationError("\(agent) refused the task: \(error.message)")
            }
            return noWait ? task : try await session.a2a.wait(for: task)
        }
        Console.line("task \(task.id): \(task.status.state.rawValue)")
        if let message = task.status.message?.text, !message.isEmpty { Console.line("status: \(message)") }
        if !task.output.isEmpty { Console.line(task.output) }
        if [.failed, .rejected, .canceled].contains(task.status.state) { throw ExitCode(1) }
    }
}

/// `hexr tasks`: the tasks an agent holds.
struct TasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks", abstract: "List the tasks of every replica of an agent, newest first.")

    @OptionGroup var options: OperatorOptions

    @Argument(help: "The agent's name.")
    var agent: String

    @Option(help: "The agent's tenant.")
    var tenant: String?

    func run() async throws {
        let listed = try await OperatorSession.run(options) { session in
            try await session.a2a.listTasks(agent: agent, tenant: tenant).map { ($0.agent.spiffeID.description, $0.tasks) }
        }
        var rows = [["TASK", "STATE", "UPDATED", "REPLICA", "OUTPUT"]]
        for (replica, tasks) in listed {
            for task in tasks {
                rows.append([task.id, task.status.state.rawValue,
                             task.status.timestamp.map(ProtoTimestamp.format) ?? "-", replica,
                             String(task.output.replacingOccurrences(of: "\n", with: " ").prefix(60))])
            }
        }
        if rows.count == 1 { Console.line("\(agent) holds no tasks") } else { Console.table(rows) }
    }
}

/// `hexr task`: one task, whole.
struct TaskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task", abstract: "Show one task of an agent: status, history and artifacts.")

    @OptionGroup var options: OperatorOptions

    @Argument(help: "The agent's name.")
    var agent: String

    @Argument(help: "The task id.")
    var id: String

    @Option(help: "The agent's tenant.")
    var tenant: String?

    func run() async throws {
        let task = try await OperatorSession.run(options) { session in
            try await session.a2a.getTask(agent: agent, id: id, tenant: tenant)
        }
        Console.line("task \(task.id) (context \(task.contextId))")
        Console.line("state: \(task.status.state.rawValue)"
            + (task.status.timestamp.map { " at \(ProtoTimestamp.format($0))" } ?? ""))
        if let message = task.status.message?.text, !message.isEmpty { Console.line("status: \(message)") }
        for message in task.history {
            Console.line("\(message.role == .user ? "user" : "agent"): \(message.text)")
        }
        for artifact in task.artifacts {
            Console.line("artifact \(artifact.name ?? artifact.artifactId):")
            for part in artifact.parts {
                if case .text(let text) = part.content { Console.line(text) }
            }
        }
    }
}
