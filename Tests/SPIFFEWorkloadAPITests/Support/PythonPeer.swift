import Foundation
import Synchronization
import HexrTestSupport

/// Where the pinned Python interop peers are (set by `scripts/test`).
enum Interop {
    static let python = ProcessInfo.processInfo.environment["HEXR_INTEROP_PYTHON"]
    static let directory = ProcessInfo.processInfo.environment["HEXR_INTEROP_DIR"]
    /// The interpreter's real executable, as `/proc/<pid>/exe` shows it.
    static var resolvedPython: String? {
        python.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    }
}

/// One JSON line a peer printed: `kind` plus string, integer and string-list fields.
struct PeerLine: Sendable, CustomStringConvertible {
    let kind: String
    let strings: [String: String]
    let numbers: [String: Int]
    let lists: [String: [String]]

    init(parsing text: String) throws {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
            let kind = object["kind"] as? String
        else { throw TestFailure("peer printed a line that is not a JSON object with a kind: \(text)") }
        self.kind = kind
        strings = object.compactMapValues { $0 as? String }
        numbers = object.compactMapValues { ($0 as? NSNumber)?.intValue }
        lists = object.compactMapValues { $0 as? [String] }
    }

    var description: String { "\(kind) \(strings) \(numbers) \(lists)" }
}

/// A py-spiffe script run as a child process with `SPIFFE_ENDPOINT_SOCKET` set; its JSON lines are read as
/// they come. The child is killed by PID when ``stop()`` runs (callers use `defer`).
final class PythonPeer: Sendable {
    let child: ChildProcess
    private let lines: AsyncStream<String>

    init(_ script: String, _ arguments: [String] = [], socketPath: String) throws {
        guard let python = Interop.python, let directory = Interop.directory else {
            throw TestFailure("HEXR_INTEROP_PYTHON and HEXR_INTEROP_DIR are not set: run scripts/test")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["SPIFFE_ENDPOINT_SOCKET"] = "unix://" + socketPath
        environment["PYTHONUNBUFFERED"] = "1"
        let output = Pipe()
        lines = Self.lines(of: output)
        child = try ChildProcess(
            python, [directory + "/spiffe/" + script] + arguments, environment: environment, output: output
        )
    }

    var pid: Int32 { child.pid }

    /// The next line of `kind` (earlier lines of other kinds are skipped); a `failure` line throws.
    func next(_ kind: String, within seconds: Double = 20) async throws -> PeerLine {
        let line = try await firstElement(of: lines, within: seconds, "a \"\(kind)\" line from the peer") { text in
            guard let line = try? PeerLine(parsing: text) else { return true }
            return line.kind == kind || line.kind == "failure"
        }
        let parsed = try PeerLine(parsing: line)
        if parsed.kind == "failure" { throw TestFailure("peer failed: \(parsed.strings["message"] ?? line)") }
        return parsed
    }

    /// Waits (bounded) for the peer to exit and returns its status.
    func exitStatus(within seconds: Double = 20) async throws -> Int32 {
        let process = child.process
        return try await withTimeout(seconds, "the peer to exit") {
            while process.isRunning {
                try await Task.sleep(for: .milliseconds(50))
            }
            return process.terminationStatus
        }
    }

    func stop() {
        child.stop()
    }

    /// Splits the pipe's output into lines as it arrives.
    private static func lines(of pipe: Pipe) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let pending = PendingBytes()
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                continuation.finish()
                return
            }
            for line in pending.append(data) {
                continuation.yield(line)
            }
        }
        return stream
    }
}

/// Bytes of a partial line between reads.
private final class PendingBytes: Sendable {
    private let bytes = Mutex<[UInt8]>([])

    /// Adds `data` and returns the lines it completed.
    func append(_ data: Data) -> [String] {
        bytes.withLock { bytes in
            bytes += data
            var lines: [String] = []
            while let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(String(decoding: bytes[..<newline], as: UTF8.self))
                bytes.removeSubrange(...newline)
            }
            return lines
        }
    }
}
