import Foundation

/// Whole-document JSON syntax checks.
enum JSONSyntax {
    /// Throws a `JSONSyntaxError` unless `data` is exactly one well-formed JSON value.
    static func validate(_ data: Data) throws(JSONSyntaxError) {
        var scanner = JSONScanner(data)
        _ = try scanner.scanValue()
        try scanner.expectEnd()
    }
}
