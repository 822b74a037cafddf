/// The process on the other end of a Workload API connection, as the kernel reported it.
///
/// `pid`, `uid` and `gid` come from `SO_PEERCRED` (captured by the kernel at `connect()`); `startTime` is read
/// from `/proc/<pid>/stat` when the server accepts the connection. The executable's path and digest are read
/// on demand, and ``checkStillRunning()`` confirms afterwards that the PID still names the same process.
public struct WorkloadCaller: Hashable, Sendable, CustomStringConvertible {
    /// The caller's process ID.
    public let pid: Int32
    /// The caller's effective user ID.
    public let uid: UInt32
    /// The caller's effective group ID.
    public let gid: UInt32
    /// The caller's start time in clock ticks after boot (`/proc/<pid>/stat` field 22).
    public let startTime: UInt64

    /// A caller with the given kernel-reported facts. The server builds callers itself; this initializer is for
    /// custom ``WorkloadIdentityProvider`` tests.
    public init(pid: Int32, uid: UInt32, gid: UInt32, startTime: UInt64) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
        self.startTime = startTime
    }

    /// The absolute path of the caller's executable.
    public func executablePath() throws(AttestationError) -> String {
        try ProcFS.executablePath(of: pid)
    }

    /// The lowercase hex SHA-256 digest of the caller's executable.
    public func executableSHA256() throws(AttestationError) -> String {
        try ProcFS.executableSHA256(of: pid)
    }

    /// Throws ``AttestationError/callerGone(pid:)`` unless `pid` still names the process that connected (the
    /// start time is unchanged). Call it after reading anything from `/proc`, as SPIRE's peer tracker does.
    public func checkStillRunning() throws(AttestationError) {
        guard (try? ProcFS.startTime(of: pid)) == startTime else { throw .callerGone(pid: pid) }
    }

    public var description: String {
        "WorkloadCaller(pid: \(pid), uid: \(uid), gid: \(gid), startTime: \(startTime))"
    }
}
