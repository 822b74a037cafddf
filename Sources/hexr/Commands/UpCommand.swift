import ArgumentParser
import Foundation
import HexrControlPlane
import HexrPolicy
import HexrTraceStore
import Logging
import ServiceLifecycle

/// `hexr up`: start the embedded control plane and every agent of a manifest.
struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Start the control plane (identity, Workload API, registry) and the agents of a manifest.")

    @Argument(help: "A hexr.yaml, or a directory containing one.")
    var manifest: String = "."

    @Option(help: "State directory (CA keys, registry, Workload API socket).")
    var stateDir: String = ".hexr"

    func run() async throws {
        var logger = Logger(label: "hexr.up")
        logger.logLevel = ProcessInfo.processInfo.environment["HEXR_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) }
            ?? .warning
        let plan: Manifest
        do {
            plan = try Manifest.load(URL(fileURLWithPath: manifest))
        } catch {
            throw ValidationError(error.description)
        }
        let authorizer: any Authorizer = if let policy = plan.policy {
            try EmbeddedAuthorizer(directory: policy, logger: logger)
        } else {
            EmbeddedAuthorizer(bundle: try .defaultPolicy(), logger: logger)
        }
        // This user's `hexr agents` / `hexr send` (this very executable) get the operator identity.
        let ownExecutable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let controlPlane = try ControlPlane(stateDirectory: URL(fileURLWithPath: stateDir),
                                            trustDomain: plan.trustDomain, authorizer: authorizer,
                                            operatorExecutable: ownExecutable, leaseDuration: plan.leaseSeconds,
                                            logger: logger)
        let ownDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        let supervisor = Supervisor(manifest: plan, controlPlane: controlPlane, extraPath: ownDirectory,
                                    output: Console.line)
        try await controlPlane.run(logger: logger) { endpoint in
            Console.line("hexr: control plane ready — trust domain \(plan.trustDomain.name), "
                + "Workload API \(endpoint.workloadAPI), registry \(endpoint.registryURL), "
                + "traces \(endpoint.traceSinkURL)")
            try await supervisor.run(endpoint: endpoint)
            if plan.entry != nil { printTrace(of: controlPlane) }
        }
        if supervisor.exitStatus != 0 { throw ExitCode(supervisor.exitStatus) }
    }

    /// The run's trace, once every agent has stopped (and flushed its spans).
    private func printTrace(of controlPlane: ControlPlane) {
        if Supervisor.exportsElsewhere(ProcessInfo.processInfo.environment) {
            Console.line("hexr: spans were exported to your OTLP collector (OTEL_EXPORTER_OTLP_*)")
            return
        }
        do {
            guard let trace = try controlPlane.spans.lastTraceID() else {
                Console.line("hexr: no trace was recorded")
                return
            }
            Console.line("hexr: the run's trace (again with: hexr trace \(trace) --state-dir \(stateDir))")
            for line in TraceWaterfall().render(try controlPlane.spans.spans(ofTrace: trace)) { Console.line(line) }
        } catch {
            Console.error("hexr: cannot read the trace store: \(error)")
        }
    }
}
