import Foundation
import Rego

/// `hexr policy test`: runs the `test_*` rules of a policy directory, like `opa test`.
public enum PolicyTestRunner {
    /// Evaluates every `test_*` rule of the `.rego` files in `directory` with its `data.json`; a
    /// test passes iff it evaluates to `true`.
    ///
    /// - Throws: ``PolicyLoadError`` when the directory does not load or compile;
    ///   ``PolicyToolError/noTests(_:)`` when it defines no test.
    public static func run(directory: URL) throws -> PolicyTestReport {
        let files = try PolicyDirectory.read(directory)
        let policy = try PolicyDirectory.compile(files.sources)
        let names = policy.testRules()
        guard !names.isEmpty else { throw PolicyToolError.noTests(directory.path) }
        return PolicyTestReport(results: names.map { name in
            PolicyTestReport.Result(name: name, outcome: outcome(of: name, in: policy, data: files.data))
        })
    }

    private static func outcome(of test: String, in policy: RegoPolicy, data: RegoValue) -> PolicyTestReport.Outcome {
        do {
            switch try policy.evaluate(query: test, input: nil, data: data) {
            case .bool(true)?: return .pass
            case nil: return .fail("undefined")
            case let value?: return .fail("got \(value.jsonString())")
            }
        } catch {
            return .error(error.description)
        }
    }
}
