import Foundation
import Rego

/// `hexr policy eval`: evaluates one query of a policy directory against an input document.
public enum PolicyEvaluation {
    /// The printed form of an undefined query.
    public static let undefined = "undefined"

    /// Evaluates `query` with the policies of `policyDirectory` and `input` (JSON).
    ///
    /// - Parameter data: a data document (a JSON object) that replaces the directory's `data.json`;
    ///   `nil` uses `data.json` when present.
    /// - Returns: the query's value as compact JSON text, or ``undefined`` when it is undefined.
    /// - Throws: ``PolicyLoadError`` for unreadable or invalid policy and data files and a query the
    ///   policy cannot answer; ``PolicyToolError`` for invalid input JSON and evaluation errors.
    public static func evaluate(policyDirectory: URL, input: Data, data: Data?,
                                query: String = PolicyBundle.decisionQuery) throws -> String {
        var files = try PolicyDirectory.read(policyDirectory, includeData: data == nil)
        if let data {
            files.data = try PolicyDirectory.parseData(data, origin: "the data document")
        }
        let inputValue: RegoValue
        do {
            inputValue = try RegoValue(jsonData: input)
        } catch {
            throw PolicyToolError.invalidInput(error.description)
        }
        let bundle = try PolicyBundle(sources: files.sources, data: files.data, query: query)
        let value: RegoValue?
        do {
            value = try bundle.query.evaluate(input: inputValue, data: bundle.data)
        } catch {
            throw PolicyToolError.evaluationFailed(query, error.description)
        }
        return value?.jsonString() ?? undefined
    }
}
