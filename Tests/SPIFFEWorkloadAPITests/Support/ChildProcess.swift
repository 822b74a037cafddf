import Foundation

/// A child process for a test, always stopped by its PID when the test is done.
final class ChildProcess: Sendable {
    let process: Process

    /// Launches `executable` with `arguments`; standard output is captured.
    init(
        _ executable: String,
        _ arguments: [String] = [],
        environment: [String: String]? = nil,
        output: Pipe? = nil
    ) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let output {
            process.standardOutput = output
        }
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Sends SIGKILL to the child (if it still runs) and reaps it.
    func stop() {
        if process.isRunning {
            kill(pid, SIGKILL)
        }
        process.waitUntilExit()
    }

    /// Runs `body` with a child, stopping it afterwards whatever happens.
    static func with<Result>(
        _ executable: String,
        _ arguments: [String] = [],
        _ body: (ChildProcess) async throws -> Result
    ) async throws -> Result {
        let child = try ChildProcess(executable, arguments)
        defer { child.stop() }
        return try await body(child)
    }
}
