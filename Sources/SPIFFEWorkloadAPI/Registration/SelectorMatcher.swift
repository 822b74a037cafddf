/// Decides which selectors a caller satisfies, reading the executable's path and digest at most once and only
/// when a selector needs them. An unreadable fact matches no selector.
struct SelectorMatcher {
    let caller: WorkloadCaller
    private var path: Result<String, AttestationError>?
    private var digest: Result<String, AttestationError>?

    init(caller: WorkloadCaller) {
        self.caller = caller
    }

    /// Whether the caller satisfies every selector (and there is at least one).
    mutating func matchesAll(_ selectors: [WorkloadSelector]) -> Bool {
        guard !selectors.isEmpty else { return false }
        // Cheap kernel facts first, so that the executable is only read for plausible entries.
        let ordered = selectors.sorted { Self.cost($0) < Self.cost($1) }
        for selector in ordered where !matches(selector) {
            return false
        }
        return true
    }

    mutating func matches(_ selector: WorkloadSelector) -> Bool {
        switch selector {
        case .uid(let uid): return caller.uid == uid
        case .gid(let gid): return caller.gid == gid
        case .process(let pid, let startTime): return caller.pid == pid && caller.startTime == startTime
        case .path(let expected):
            if path == nil { path = Result { () throws(AttestationError) in try caller.executablePath() } }
            return (try? path?.get()) == expected
        case .sha256(let expected):
            if digest == nil { digest = Result { () throws(AttestationError) in try caller.executableSHA256() } }
            return (try? digest?.get()) == expected
        }
    }

    private static func cost(_ selector: WorkloadSelector) -> Int {
        switch selector {
        case .uid, .gid, .process: 0
        case .path: 1
        case .sha256: 2
        }
    }
}
