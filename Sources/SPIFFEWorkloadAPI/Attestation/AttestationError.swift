/// Why the process behind a Workload API connection could not be identified.
public enum AttestationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kernel did not report the peer credentials of the connection (`SO_PEERCRED`).
    case peerCredentialsUnavailable(String)
    /// Peer attestation needs Linux (`SO_PEERCRED` and `/proc`).
    case unsupportedPlatform
    /// The connection carried no kernel-attested caller (the server's attestation hook did not run).
    case missingAttestation
    /// A `/proc` file of the caller could not be read.
    case unreadable(path: String, reason: String)
    /// `/proc/<pid>/stat` does not have the expected layout.
    case malformedStat(pid: Int32)
    /// The caller exited, or its PID now belongs to another process (start time changed).
    case callerGone(pid: Int32)

    public var description: String {
        switch self {
        case .peerCredentialsUnavailable(let reason): "peer credentials unavailable: \(reason)"
        case .unsupportedPlatform: "workload attestation needs Linux (SO_PEERCRED and /proc)"
        case .missingAttestation: "the connection carries no attested caller"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .malformedStat(let pid): "/proc/\(pid)/stat has an unexpected layout"
        case .callerGone(let pid): "could not verify existence of the original caller (pid \(pid))"
        }
    }
}
