import HexrTestSupport

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
