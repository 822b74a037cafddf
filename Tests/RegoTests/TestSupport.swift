@testable import Rego

/// Helpers shared by the Rego tests.
enum RegoTest {
    /// Compiles `source` (with `package p` prepended unless it declares a package) and evaluates `query`.
    static func eval(
        _ source: String, query: String = "data.p.x", input: RegoValue? = nil, data: RegoValue = .emptyObject
    ) throws(RegoError) -> RegoValue? {
        try policy(source).evaluate(query: query, input: input, data: data)
    }

    static func policy(_ source: String, filename: String = "test.rego") throws(RegoError) -> RegoPolicy {
        let text = source.hasPrefix("package ") ? source : "package p\n" + source
        return try RegoPolicy(modules: [try RegoModule.parse(source: text, filename: filename)])
    }

    /// The error that loading (parsing and compiling) `source` raises, or `nil` if it loads.
    static func loadError(_ source: String, filename: String = "test.rego") -> RegoError? {
        do {
            _ = try policy(source, filename: filename)
            return nil
        } catch {
            return error
        }
    }

    /// The error that evaluating raises, or `nil`.
    static func evalError(_ source: String, query: String = "data.p.x", input: RegoValue? = nil) -> RegoError? {
        do {
            _ = try eval(source, query: query, input: input)
            return nil
        } catch {
            return error
        }
    }

    /// Parses JSON text into a value (tests only use well-formed JSON).
    static func json(_ text: String) throws(RegoError) -> RegoValue {
        try RegoValue(jsonString: text)
    }
}
