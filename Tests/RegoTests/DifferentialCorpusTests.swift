import Foundation
import Testing

@testable import Rego

/// Runs every case of the differential corpus (`Tests/Interop/rego/cases/NNN-name/`) through the
/// embedded evaluator. Each case must match its recorded `expected.json` (rego-cpp's answer, or
/// OPA's where rego-cpp is known to be wrong). With `REGO_DIFF_OUT` set, all results are also
/// written there for `Tests/Interop/rego/differential.py` to compare against live rego-cpp.
@Suite struct DifferentialCorpusTests {
    static let casesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Interop/rego/cases")

    @Test func corpusMatchesRecordedResults() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.casesDirectory.path).sorted()
        #expect(names.count >= 200)
        var results: [String: Any] = [:]
        var mismatches: [String] = []
        var compared = 0
        for name in names {
            let directory = Self.casesDirectory.appendingPathComponent(name)
            let outcome = CorpusCase.run(directory)
            results[name] = outcome.json
            let expectedURL = directory.appendingPathComponent("expected.json")
            guard let expectedData = try? Data(contentsOf: expectedURL) else { continue }
            let expected = try JSONSerialization.jsonObject(with: expectedData) as? [String: Any] ?? [:]
            compared += 1
            if !CorpusCase.same(expected, outcome.json) {
                mismatches.append("\(name): expected \(CorpusCase.text(expected)), got \(CorpusCase.text(outcome.json))")
            }
        }
        if let path = ProcessInfo.processInfo.environment["REGO_DIFF_OUT"] {
            let data = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys, .prettyPrinted])
            try data.write(to: URL(fileURLWithPath: path))
        }
        #expect(compared >= 200, "every case should have a recorded expected.json")
        #expect(mismatches.isEmpty, Comment(rawValue: "\(mismatches.count) mismatches:\n" + mismatches.joined(separator: "\n")))
    }
}

/// Loading and evaluating one corpus case.
enum CorpusCase {
    struct Outcome {
        let json: [String: Any]
    }

    static func run(_ directory: URL) -> Outcome {
        do {
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".rego") }.sorted()
            var modules: [RegoModule] = []
            for file in files {
                let source = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                modules.append(try RegoModule.parse(source: source, filename: file))
            }
            let policy = try RegoPolicy(modules: modules)
            let query = try String(contentsOf: directory.appendingPathComponent("query.txt"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let input = try optionalDocument(directory.appendingPathComponent("input.json"))
            let data = try optionalDocument(directory.appendingPathComponent("data.json")) ?? .emptyObject
            guard let value = try policy.evaluate(query: query, input: input, data: data) else {
                return Outcome(json: ["status": "undefined"])
            }
            let parsed = try JSONSerialization.jsonObject(with: Data(value.jsonData()), options: [.fragmentsAllowed])
            return Outcome(json: ["status": "value", "value": parsed])
        } catch let error as RegoError {
            return Outcome(json: ["status": "error", "message": error.description])
        } catch {
            return Outcome(json: ["status": "error", "message": "\(error)"])
        }
    }

    private static func optionalDocument(_ url: URL) throws -> RegoValue? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try RegoValue(jsonData: data)
    }

    /// Same status, and for values the same JSON (numbers compared numerically).
    static func same(_ a: [String: Any], _ b: [String: Any]) -> Bool {
        guard let statusA = a["status"] as? String, statusA == b["status"] as? String else { return false }
        guard statusA == "value" else { return true }
        return sameJSON(a["value"] as Any, b["value"] as Any)
    }

    private static func sameJSON(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { sameJSON(value, $0) } ?? false }
        case (let x as [Any], let y as [Any]):
            return x.count == y.count && zip(x, y).allSatisfy(sameJSON)
        case (let x as String, let y as String):
            return x == y
        case (let x as NSNumber, let y as NSNumber):
            return isBoolean(x) == isBoolean(y) && x.doubleValue == y.doubleValue
        case (is NSNull, is NSNull):
            return true
        default:
            return false
        }
    }

    /// Distinguishes JSON booleans from numbers in a Foundation-parsed document.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        let type = String(cString: number.objCType)
        return type == "c" || type == "B"
    }

    static func text(_ json: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .fragmentsAllowed]) else {
            return "\(json)"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
