/// A test step that did not finish in time.
struct TestTimeout: Error, CustomStringConvertible {
    let what: String
    let seconds: Double

    var description: String { "timed out after \(seconds) s waiting for \(what)" }
}

/// Runs `body`, throwing ``TestTimeout`` if it has not finished after `seconds`.
func withTimeout<Result: Sendable>(
    _ seconds: Double,
    _ what: String,
    _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let result = first else {
            throw TestTimeout(what: what, seconds: seconds)
        }
        return result
    }
}

/// The first element of `sequence` satisfying `predicate`, within `seconds`.
func firstElement<Element: Sendable>(
    of sequence: AsyncStream<Element>,
    within seconds: Double,
    _ what: String,
    where predicate: @escaping @Sendable (Element) -> Bool
) async throws -> Element {
    try await withTimeout(seconds, what) {
        for await element in sequence where predicate(element) {
            return element
        }
        throw TestTimeout(what: "\(what) (the sequence ended)", seconds: seconds)
    }
}

/// A precondition of a test that did not hold.
struct TestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
