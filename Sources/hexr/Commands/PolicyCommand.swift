import ArgumentParser
import Foundation
import HexrPolicy

/// `hexr policy`: evaluate, test and replay Rego policies with the embedded evaluator.
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Evaluate, test and replay authorization policies (embedded Rego).",
        subcommands: [Eval.self, Test.self, Replay.self])

    /// `hexr policy eval`.
    struct Eval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the value of a query (default data.hexr.authz.decision) as JSON, or `undefined`.")

        @Option(help: "Directory of .rego files (and data.json).")
        var policy: String

        @Option(help: "JSON file with the input document.")
        var input: String

        @Option(help: "JSON data file (replaces the directory's data.json).")
        var data: String?

        @Option(help: "The query to evaluate.")
        var query = PolicyBundle.decisionQuery

        func run() async throws {
            let inputData = try read(input, what: "input")
            let dataFile = try data.map { try read($0, what: "data") }
            do {
                Console.line(try PolicyEvaluation.evaluate(policyDirectory: URL(fileURLWithPath: policy),
                                                           input: inputData, data: dataFile, query: query))
            } catch {
                throw ValidationError("\(error)")
            }
        }
    }

    /// `hexr policy test`.
    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the test_* rules of a policy directory, like `opa test`.")

        @Argument(help: "Directory of .rego files (and data.json).")
        var directory: String

        func run() async throws {
            let report: PolicyTestReport
            do {
                report = try PolicyTestRunner.run(directory: URL(fileURLWithPath: directory))
            } catch {
                Console.error("error: \(error)")
                throw ExitCode(2)
            }
            Console.line(report.description)
            if !report.succeeded { throw ExitCode(1) }
        }
    }

    /// `hexr policy replay`.
    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-evaluate the inputs of a decision log against a candidate policy and print the differences.")

        @Argument(help: "Decision log (JSON lines).")
        var log: String

        @Option(help: "Directory of the candidate policy (.rego files and data.json).")
        var policy: String

        func run() async throws {
            let report: ReplayReport
            do {
                let candidate = try PolicyBundle.load(directory: URL(fileURLWithPath: policy))
                report = try DecisionReplay.replay(log: URL(fileURLWithPath: log), candidate: candidate)
            } catch {
                Console.error("error: \(error)")
                throw ExitCode(2)
            }
            Console.line(report.description)
            if !report.differences.isEmpty || !report.malformedLines.isEmpty { throw ExitCode(1) }
        }
    }
}

/// Reads a file the user named, with an error that says which one.
private func read(_ path: String, what: String) throws -> Data {
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw ValidationError("cannot read the \(what) file \(path): \(error.localizedDescription)")
    }
}
