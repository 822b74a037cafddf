import ArgumentParser

@main
struct HexrCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hexr",
        abstract: "Hexr for Swift: A2A agents with SPIFFE identity, mTLS, OPA policy and OpenTelemetry tracing.",
        subcommands: [UpCommand.self, AgentsCommand.self, SendCommand.self, TasksCommand.self, TaskCommand.self, TraceCommand.self,
                      ConformanceAgentCommand.self, SVIDCommand.self, BundleCommand.self, PolicyCommand.self, BenchCommand.self]
    )
}
