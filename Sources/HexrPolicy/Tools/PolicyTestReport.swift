/// The outcome of `hexr policy test`: one line per `test_*` rule and the totals.
public struct PolicyTestReport: Sendable, CustomStringConvertible {
    /// How one test ended.
    public enum Outcome: Sendable, Hashable {
        /// The rule evaluated to `true`.
        case pass
        /// The rule was undefined or had another value (the detail says which).
        case fail(String)
        /// Evaluating the rule raised an error (the message).
        case error(String)
    }

    /// One test rule and its outcome.
    public struct Result: Sendable, Hashable {
        /// The rule's full name, e.g. `data.hexr.authz.test_same_tenant`.
        public var name: String
        public var outcome: Outcome

        public init(name: String, outcome: Outcome) {
            self.name = name
            self.outcome = outcome
        }
    }

    /// Every test, in name order.
    public var results: [Result]

    public init(results: [Result]) {
        self.results = results
    }

    /// Tests that evaluated to `true`.
    public var passed: Int { results.count(where: { $0.outcome == .pass }) }

    /// Tests that were undefined or not `true`.
    public var failed: Int {
        results.count(where: { if case .fail = $0.outcome { true } else { false } })
    }

    /// Tests whose evaluation raised an error.
    public var errors: Int {
        results.count(where: { if case .error = $0.outcome { true } else { false } })
    }

    /// Whether every test passed.
    public var succeeded: Bool { passed == results.count }

    /// `N passed, M failed`, with `, K errored` appended when evaluating some test raised an error.
    public var summary: String {
        "\(passed) passed, \(failed) failed" + (errors > 0 ? ", \(errors) errored" : "")
    }

    /// One line per test (`name: PASS`, `name: FAIL (detail)`, `name: ERROR (message)`), then the summary.
    public var description: String {
        let lines = results.map { result in
            switch result.outcome {
            case .pass: "\(result.name): PASS"
            case .fail(let detail): "\(result.name): FAIL (\(detail))"
            case .error(let message): "\(result.name): ERROR (\(message))"
            }
        }
        return (lines + [String(repeating: "-", count: 40), summary]).joined(separator: "\n")
    }
}
