import Foundation
import Synchronization
import Testing

/// The Python interpreter and scripts of the interop peers (set up by `scripts/test`).
public enum Interop {
    public static var python: String? { ProcessInfo.processInfo.environment["HEXR_INTEROP_PYTHON"] }
    public static var directory: URL {
        if let dir = ProcessInfo.processInfo.environment["HEXR_INTEROP_DIR"] { return URL(fileURLWithPath: dir) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "Interop")
    }

    /// The interpreter, or a failure saying how to get it: interop tests fail (never skip) when the
    /// peers are not set up.
    public static func requirePython() throws -> String {
        guard let python else { throw InteropNotConfigured() }
        return python
    }
}

/// The Python interop peers are not set up (`HEXR_INTEROP_PYTHON`).
public struct InteropNotConfigured: Error, CustomStringConvertible {
    public init() {}
    public var description: String {
        "HEXR_INTEROP_PYTHON is not set: the interop tests need the pinned Python peers; run scripts/test"
    }
}

/// A child process started by a test; always stopped by its PID (SIGTERM, then SIGKILL).
public final class ExternalProcess: Sendable {
    private let process: Process
    private let output = LockedData()
    private let errors = LockedData()

    /// Starts `executable` with `arguments`; stdout and stderr are captured.
    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONUNBUFFERED"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        self.process = process
        out.fileHandleForReading.readabilityHandler = { [output] handle in output.append(handle.availableData) }
        err.fileHandleForReading.readabilityHandler = { [errors] handle in errors.append(handle.availableData) }
        try process.run()
    }

    public var pid: Int32 { process.processIdentifier }
    public var stdout: String { output.text }
    public var stderr: String { errors.text }

    /// Waits (bounded) for a stdout line starting with `prefix` and returns the rest of it.
    public func waitForLine(prefix: String, timeout: Duration = .seconds(30)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            for line in stdout.split(separator: "\n") where line.hasPrefix(prefix) {
                return String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw ExternalProcessError.noReadyLine(prefix: prefix, stdout: stdout, stderr: stderr)
    }

    /// Waits (bounded) for the process to exit; returns its exit status.
    public func waitForExit(timeout: Duration) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                stop()
                throw ExternalProcessError.timedOut(stdout: stdout, stderr: stderr)
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        return process.terminationStatus
    }

    /// Stops the process by its PID: SIGTERM, then SIGKILL after 3 s.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }
}

public enum ExternalProcessError: Error, CustomStringConvertible {
    case noReadyLine(prefix: String, stdout: String, stderr: String)
    case timedOut(stdout: String, stderr: String)

    public var description: String {
        switch self {
        case .noReadyLine(let prefix, let out, let err): "no '\(prefix)' line\nstdout:\n\(out)\nstderr:\n\(err)"
        case .timedOut(let out, let err): "process timed out\nstdout:\n\(out)\nstderr:\n\(err)"
        }
    }
}

/// Bytes appended from a pipe's reader thread and read from tests.
final class LockedData: Sendable {
    private let data = Mutex(Data())

    func append(_ chunk: Data) { data.withLock { $0.append(chunk) } }
    var text: String { data.withLock { String(decoding: $0, as: UTF8.self) } }
}
