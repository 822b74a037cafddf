import Foundation

/// `hexr policy replay`: re-decides the inputs of a decision log with a candidate policy, to see
/// what a policy change would change before it is enforced.
public enum DecisionReplay {
    /// Reads the JSON lines of `log` (as ``DecisionLog`` writes them), evaluates each recorded input
    /// with `candidate`, and reports every decision whose `allow` differs. Blank lines are skipped;
    /// any other line that is not a decision entry is reported with its line number.
    ///
    /// - Throws: ``PolicyToolError/unreadableLog(_:_:)`` when the file cannot be read.
    public static func replay(log: URL, candidate: PolicyBundle) throws -> ReplayReport {
        let contents: Data
        do {
            contents = try Data(contentsOf: log)
        } catch {
            throw PolicyToolError.unreadableLog(log.path, String(describing: error))
        }
        var report = ReplayReport(candidateRevision: candidate.revision, replayed: 0, differences: [],
                                  malformedLines: [])
        let lines = contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            guard line.contains(where: { !isWhitespace($0) }) else { continue }
            let entry: DecisionLogEntry
            do {
                entry = try DecisionLogEntry(line: line)
            } catch {
                report.malformedLines.append(.init(line: index + 1, problem: error.problem))
                continue
            }
            report.replayed += 1
            let decision = candidate.decide(input: entry.input)
            if decision.allow != entry.allow {
                report.differences.append(.init(line: index + 1, decisionID: entry.decisionID,
                                                recordedAllow: entry.allow, recordedReasons: entry.reasons,
                                                candidateAllow: decision.allow, candidateReasons: decision.reasons))
            }
        }
        return report
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
