/// A property a workload process must have for a ``RegistrationEntry`` to apply to it. The string forms follow
/// SPIRE's unix workload attestor (`type:key:value`) plus a Hexr selector for processes the supervisor launched.
public enum WorkloadSelector: Hashable, Sendable, CustomStringConvertible {
    /// `unix:uid:<n>`: the caller's effective user ID.
    case uid(UInt32)
    /// `unix:gid:<n>`: the caller's effective group ID.
    case gid(UInt32)
    /// `unix:path:<absolute path>`: the caller's executable (the target of `/proc/<pid>/exe`).
    case path(String)
    /// `unix:sha256:<64 hex digits>`: the SHA-256 digest of the caller's executable, lowercase.
    case sha256(String)
    /// `hexr:pid:<pid>:<start time>`: one process the supervisor launched. The start time (`/proc/<pid>/stat`
    /// field 22) makes the selector stop matching when the PID is reused by another process.
    case process(pid: Int32, startTime: UInt64)

    /// Parses the string form, e.g. `unix:uid:1000` or `hexr:pid:4242:1234567`.
    public init(parsing text: String) throws(WorkloadSelectorError) {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed(text) }
        let value = String(parts[2])
        switch (parts[0], parts[1]) {
        case ("unix", "uid"):
            guard let uid = UInt32(value) else { throw .invalidValue(text, "expected a decimal user ID") }
            self = .uid(uid)
        case ("unix", "gid"):
            guard let gid = UInt32(value) else { throw .invalidValue(text, "expected a decimal group ID") }
            self = .gid(gid)
        case ("unix", "path"):
            guard value.hasPrefix("/") else { throw .invalidValue(text, "expected an absolute path") }
            self = .path(value)
        case ("unix", "sha256"):
            let digest = value.lowercased()
            guard digest.utf8.count == 64, digest.utf8.allSatisfy(Self.isHexDigit) else {
                throw .invalidValue(text, "expected 64 hexadecimal digits")
            }
            self = .sha256(digest)
        case ("hexr", "pid"):
            let numbers = value.split(separator: ":", omittingEmptySubsequences: false)
            guard numbers.count == 2, let pid = Int32(numbers[0]), pid > 0, let startTime = UInt64(numbers[1]) else {
                throw .invalidValue(text, "expected <pid>:<start time>, e.g. hexr:pid:4242:1234567")
            }
            self = .process(pid: pid, startTime: startTime)
        case ("unix", _), ("hexr", _):
            throw .unknownKey(text)
        default:
            throw .unknownType(text)
        }
    }

    /// The selector for a running process, with its start time read from `/proc/<pid>/stat` now (call it right
    /// after launching the process).
    public static func process(pid: Int32) throws(AttestationError) -> WorkloadSelector {
        .process(pid: pid, startTime: try ProcFS.startTime(of: pid))
    }

    /// The string form.
    public var description: String {
        switch self {
        case .uid(let uid): "unix:uid:\(uid)"
        case .gid(let gid): "unix:gid:\(gid)"
        case .path(let path): "unix:path:\(path)"
        case .sha256(let digest): "unix:sha256:\(digest)"
        case .process(let pid, let startTime): "hexr:pid:\(pid):\(startTime)"
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}

extension WorkloadSelector: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try WorkloadSelector(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
