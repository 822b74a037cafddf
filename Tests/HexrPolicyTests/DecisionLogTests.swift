import Foundation
import HexrPolicy
import Rego
import Testing

@Suite struct DecisionLogTests {
    @Test func eachDecisionIsOneJSONLine() throws {
        let lines = Collector<[UInt8]>()
        let bundle = try PolicyBundle.defaultPolicy()
        let authorizer = EmbeddedAuthorizer(bundle: bundle, log: DecisionLog(sink: lines.append))
        let input = try Inputs.sameTenant(traceID: "4bf92f3577b34da6a3ce929d0e0e4736")
        let decision = authorizer.decide(input)

        let line = try #require(lines.all.first)
        #expect(lines.all.count == 1)
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(line.dropLast().contains(UInt8(ascii: "\n")) == false)
        let entry = try RegoValue(jsonData: line)
        #expect(entry["decision_id"] == .string(decision.decisionID))
        let time = try #require(entry["time"]?.stringValue)
        #expect(time.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil, "\(time)")
        #expect(entry["input"] == input.regoValue)
        #expect(entry["result"] == .object(RegoObject(["allow": .bool(true), "reasons": .array(["same tenant"])])))
        #expect(entry["policy_revision"] == .string(bundle.revision))
        #expect(entry["trace_id"] == .string("4bf92f3577b34da6a3ce929d0e0e4736"))
    }

    @Test func aMissingTraceIDIsNull() throws {
        let lines = Collector<[UInt8]>()
        let authorizer = EmbeddedAuthorizer(bundle: try PolicyBundle.defaultPolicy(), log: DecisionLog(sink: lines.append))
        let decision = authorizer.decide(try Inputs.crossTenant())
        let entry = try RegoValue(jsonData: try #require(lines.all.first))
        #expect(entry["trace_id"] == .null)
        #expect(entry["result"]?["allow"] == .bool(false))
        #expect(entry["result"]?["reasons"] == .array(decision.reasons.map(RegoValue.string)))
    }

    @Test func writingToAFileAppends() throws {
        let folder = try PolicyFolder(["decisions.log": "{\"earlier\": true}\n"])
        defer { folder.remove() }
        let path = folder.file("decisions.log").path
        let bundle = try PolicyBundle.defaultPolicy()

        let first = EmbeddedAuthorizer(bundle: bundle, log: try DecisionLog(path: path))
        let a = first.decide(try Inputs.sameTenant())
        let b = first.decide(try Inputs.crossTenant())
        let second = EmbeddedAuthorizer(bundle: bundle, log: try DecisionLog(path: path))
        let c = second.decide(try Inputs.sameTenant())

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(text.hasSuffix("\n"))
        #expect(lines.count == 4)
        #expect(lines.first == "{\"earlier\": true}")
        let ids = try lines.dropFirst().map { try RegoValue(jsonString: String($0))["decision_id"] }
        #expect(ids == [a, b, c].map { .string($0.decisionID) })
    }

    @Test func aNewLogFileIsPrivate() throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        let path = folder.file("new.log").path
        let authorizer = EmbeddedAuthorizer(bundle: try PolicyBundle.defaultPolicy(), log: try DecisionLog(path: path))
        _ = authorizer.decide(try Inputs.sameTenant())
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 1)
    }

    @Test func anUncreatableLogFileThrows() {
        let missing = FileManager.default.temporaryDirectory.appending(path: "hexr-missing-\(UUID().uuidString)/x.log")
        #expect(throws: (any Error).self) { try DecisionLog(path: missing.path) }
    }
}
