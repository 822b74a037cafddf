import Foundation
import SPIFFE
import Synchronization

/// One agent process `hexr up` started: its identity, its output (prefixed, line by line), its end.
final class LaunchedAgent: Sendable {
    let label: String
    let spiffeID: SPIFFEID
    let isEntry: Bool
    private let process: Process

    init(label: String, spiffeID: SPIFFEID, isEntry: Bool, command: [String], directory: URL,
         environment: [String: String], output: @escaping @Sendable (String) -> Void) throws {
        self.label = label
        self.spiffeID = spiffeID
        self.isEntry = isEntry
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        self.process = process
        let prefix = "[\(label)] "
        let pending = LineBuffer()
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            let lines = pending.bytes.withLock { buffer -> [String] in
                if chunk.isEmpty {  // end of output: flush a last partial line
                    defer { buffer.removeAll() }
                    return buffer.isEmpty ? [] : [String(decoding: buffer, as: UTF8.self)]
                }
                buffer.append(contentsOf: chunk)
                var lines: [String] = []
                while let newline = buffer.firstIndex(of: 0x0A) {
                    lines.append(String(decoding: buffer[..<newline], as: UTF8.self))
                    buffer.removeSubrange(...newline)
                }
                return lines
            }
            for line in lines { output(prefix + line) }
            if chunk.isEmpty { handle.readabilityHandler = nil }
        }
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    var exitStatus: Int32? { process.isRunning ? nil : process.terminationStatus }

    /// Waits (polling, bounded by the caller's cancellation) for the process to end.
    func waitForExit() async -> Int32 {
        while process.isRunning {
            do {
                try await Task.sleep(for: .milliseconds(50))
            } catch {
                break
            }
        }
        return process.isRunning ? -1 : process.terminationStatus
    }

    /// Stops the process by its PID: SIGTERM, then SIGKILL after `grace`.
    func stop(grace: Duration) async {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = ContinuousClock.now + grace
        while process.isRunning && ContinuousClock.now < deadline {
            do {
                try await Task.sleep(for: .milliseconds(50))
            } catch {
                break  // cancelled: no more grace
            }
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// The bytes of a partial output line, between reads.
final class LineBuffer: Sendable {
    let bytes = Mutex<[UInt8]>([])
}
