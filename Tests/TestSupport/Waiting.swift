/// A test step that did not finish in time.
public struct TestTimeout: Error, CustomStringConvertible {
    public let what: String
    public let seconds: Double

    public init(what: String, seconds: Double) {
        self.what = what
        self.seconds = seconds
    }

    public var description: String { "timed out after \(seconds) s waiting for \(what)" }
}

/// Runs `body`, throwing ``TestTimeout`` (and cancelling `body`) if it has not finished after `seconds`.
/// Never used around a server's `run()`: servers are stopped gracefully, not cancelled.
public func withTimeout<Result: Sendable>(
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

/// Polls `condition` every 20 ms until it holds or `timeout` has passed; returns whether it held.
/// For facts recorded on another thread (a server's refusal log) shortly after the client saw the outcome.
public func eventually(within timeout: Duration = .seconds(3), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while true {
        if condition() { return true }
        if ContinuousClock.now >= deadline { return false }
        try? await Task.sleep(for: .milliseconds(20))
    }
}
