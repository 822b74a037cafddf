/// The outcome of `hexr policy replay`: the recorded decisions a candidate policy would change.
public struct ReplayReport: Sendable, CustomStringConvertible {
    /// A recorded decision whose `allow` the candidate reverses.
    public struct Difference: Sendable, Hashable {
        /// The 1-based line of the decision log.
        public var line: Int
        public var decisionID: String
        public var recordedAllow: Bool
        public var recordedReasons: [String]
        public var candidateAllow: Bool
        public var candidateReasons: [String]
    }

    /// A log line that is not a decision entry.
    public struct MalformedLine: Sendable, Hashable {
        /// The 1-based line number.
        public var line: Int
        public var problem: String
    }

    /// The candidate policy's revision.
    public var candidateRevision: String
    /// How many recorded decisions were re-evaluated.
    public var replayed: Int
    /// The decisions the candidate decides differently, in log order.
    public var differences: [Difference]
    /// Lines that could not be read as decisions, in log order.
    public var malformedLines: [MalformedLine]

    /// Decisions recorded as denied that the candidate allows.
    public var newlyAllowed: Int { differences.count(where: \.candidateAllow) }

    /// Decisions recorded as allowed that the candidate denies.
    public var newlyDenied: Int { differences.count(where: { !$0.candidateAllow }) }

    /// One line per difference and per malformed line, then the totals.
    public var description: String {
        func verdict(_ allow: Bool, _ reasons: [String]) -> String {
            (allow ? "allow" : "deny") + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: "; ")))")
        }
        var lines = differences.map { difference in
            "line \(difference.line) \(difference.decisionID): recorded "
                + verdict(difference.recordedAllow, difference.recordedReasons)
                + ", candidate " + verdict(difference.candidateAllow, difference.candidateReasons)
        }
        lines += malformedLines.map { "line \($0.line): malformed: \($0.problem)" }
        lines.append("\(replayed) decisions replayed against \(candidateRevision): \(differences.count) changed "
            + "(\(newlyAllowed) newly allowed, \(newlyDenied) newly denied), \(malformedLines.count) malformed lines")
        return lines.joined(separator: "\n")
    }
}
