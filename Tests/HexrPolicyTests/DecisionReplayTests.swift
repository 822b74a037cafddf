import Foundation
import HexrPolicy
import Rego
import Testing

@Suite struct DecisionReplayTests {
    /// A decision log of three decisions by the default policy without grants:
    /// line 1 same tenant (allowed), line 2 cross tenant (denied), line 3 cross tenant for skill
    /// "summarize" (denied).
    func recordedLog(in folder: PolicyFolder) throws -> (url: URL, decisions: [AuthorizationDecision]) {
        let url = folder.file("decisions.log")
        let authorizer = EmbeddedAuthorizer(bundle: try PolicyBundle.defaultPolicy(), log: try DecisionLog(path: url.path))
        let decisions = [
            authorizer.decide(try Inputs.sameTenant(traceID: "t1")),
            authorizer.decide(try Inputs.crossTenant(traceID: "t2")),
            authorizer.decide(try Inputs.crossTenant(skill: "summarize", traceID: "t3")),
        ]
        return (url, decisions)
    }

    @Test func reportsTheDecisionsACandidateWouldChange() throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        let (log, decisions) = try recordedLog(in: folder)
        let candidate = try PolicyBundle.defaultPolicy(data: try RegoValue(jsonString: Inputs.grantData(skill: "summarize")))

        let report = try DecisionReplay.replay(log: log, candidate: candidate)
        #expect(report.replayed == 3)
        #expect(report.malformedLines.isEmpty)
        #expect(report.candidateRevision == candidate.revision)
        let difference = try #require(report.differences.first)
        #expect(report.differences.count == 1)
        #expect(difference.line == 3)
        #expect(difference.decisionID == decisions[2].decisionID)
        #expect(!difference.recordedAllow)
        #expect(difference.recordedReasons == ["cross-tenant call without a grant"])
        #expect(difference.candidateAllow)
        #expect(difference.candidateReasons == ["explicit grant"])
        #expect(report.newlyAllowed == 1)
        #expect(report.newlyDenied == 0)
        #expect(report.description.contains("line 3 \(decisions[2].decisionID): recorded deny"))
        #expect(report.description.split(separator: "\n").last?.hasPrefix("3 decisions replayed") == true)
    }

    @Test func aDenyAllCandidateDeniesWhatWasAllowed() throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        let (log, decisions) = try recordedLog(in: folder)
        let denyAll = "package hexr.authz\n\ndecision := {\"allow\": false, \"reasons\": [\"closed\"]}\n"
        let candidate = try PolicyBundle(sources: [("closed.rego", denyAll)])

        let report = try DecisionReplay.replay(log: log, candidate: candidate)
        #expect(report.differences.map(\.decisionID) == [decisions[0].decisionID])
        #expect(report.differences.first?.recordedReasons == ["same tenant"])
        #expect(report.differences.first?.candidateReasons == ["closed"])
        #expect(report.newlyDenied == 1)
    }

    @Test func theRecordingPolicyChangesNothing() throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        let (log, _) = try recordedLog(in: folder)
        let report = try DecisionReplay.replay(log: log, candidate: try PolicyBundle.defaultPolicy())
        #expect(report.replayed == 3)
        #expect(report.differences.isEmpty)
    }

    @Test func malformedLinesAreReportedWithTheirLineNumbers() throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        let (log, _) = try recordedLog(in: folder)
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("""
            not json
            {"decision_id":"no-input","result":{"allow":true}}

            [1]
            {"decision_id":"bad-allow","input":{},"result":{"allow":"yes"}}
            {"decision_id":"bad-reasons","input":{},"result":{"allow":true,"reasons":"x"}}
            {"decision_id":7,"input":{},"result":{"allow":true}}

            """.utf8))
        try handle.close()

        let report = try DecisionReplay.replay(log: log, candidate: try PolicyBundle.defaultPolicy())
        #expect(report.replayed == 3)
        #expect(report.malformedLines.map(\.line) == [4, 5, 7, 8, 9, 10])
        #expect(report.malformedLines.allSatisfy { !$0.problem.isEmpty })
        #expect(report.malformedLines[1].problem.contains("input"))
        #expect(report.description.contains("line 4: malformed: not JSON"))
    }

    @Test func aMissingLogIsAnError() throws {
        let missing = FileManager.default.temporaryDirectory.appending(path: "hexr-missing-\(UUID().uuidString).log")
        #expect {
            _ = try DecisionReplay.replay(log: missing, candidate: try PolicyBundle.defaultPolicy())
        } throws: { error in
            guard case .unreadableLog(let path, _) = error as? PolicyToolError else { return false }
            return path == missing.path
        }
    }
}
