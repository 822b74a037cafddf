import Crypto
import Foundation

/// Reads facts about a process from Linux `/proc`.
enum ProcFS {
    /// The start time of `pid` in clock ticks after boot: field 22 of `/proc/<pid>/stat`. Together with the PID
    /// it names one process for the lifetime of the machine, which guards against PID reuse.
    static func startTime(of pid: Int32) throws(AttestationError) -> UInt64 {
        let path = "/proc/\(pid)/stat"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "no such process or permission denied")
        }
        return try startTime(statLine: Array(data), pid: pid)
    }

    /// Field 22 of a `stat` line. The command name (field 2) is in parentheses and may itself contain spaces
    /// and parentheses, so the fields are counted from the last `)`.
    static func startTime(statLine: [UInt8], pid: Int32) throws(AttestationError) -> UInt64 {
        guard let close = statLine.lastIndex(of: UInt8(ascii: ")")) else { throw .malformedStat(pid: pid) }
        let fields = statLine[(close + 1)...].split(separator: UInt8(ascii: " "))
        // fields[0] is field 3 (state), so field 22 is fields[19].
        guard fields.count > 19, let value = UInt64(String(decoding: fields[19], as: UTF8.self)) else {
            throw .malformedStat(pid: pid)
        }
        return value
    }

    /// The absolute path of the executable of `pid` (the target of `/proc/<pid>/exe`).
    static func executablePath(of pid: Int32) throws(AttestationError) -> String {
        let path = "/proc/\(pid)/exe"
        do {
            return try FileManager.default.destinationOfSymbolicLink(atPath: path)
        } catch {
            throw .unreadable(path: path, reason: "no such process or permission denied")
        }
    }

    /// The lowercase hex SHA-256 of the executable of `pid`, read through `/proc/<pid>/exe` (which still works
    /// when the file was replaced or deleted after the process started).
    static func executableSHA256(of pid: Int32) throws(AttestationError) -> String {
        let path = "/proc/\(pid)/exe"
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "no such process or permission denied")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        } catch {
            throw .unreadable(path: path, reason: String(describing: error))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
