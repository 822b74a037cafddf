import Foundation
import Synchronization

/// A test step that did not finish in time.
struct DeadlineExceeded: Error, CustomStringConvertible {
    let what: String
    let seconds: Double

    var description: String { "timed out after \(seconds) s waiting for \(what)" }
}

/// Runs `body`; throws ``DeadlineExceeded`` (and cancels `body`) if it has not finished after `seconds`.
/// Never used around a server's `run()`: servers are stopped gracefully, not cancelled.
func withDeadline<T: Sendable>(
    _ seconds: Double, _ what: String, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let result = first else {
            throw DeadlineExceeded(what: what, seconds: seconds)
        }
        return result
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` has passed; returns whether it held.
/// For facts recorded on another thread (a server's refusal log) shortly after the client saw the outcome.
func eventually(within timeout: Duration = .seconds(3), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while true {
        if condition() { return true }
        if ContinuousClock.now >= deadline { return false }
        try? await Task.sleep(for: .milliseconds(20))
    }
}

/// A one-way flag shared by concurrent test tasks.
final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    func set() { flag.store(true, ordering: .relaxed) }
    var isSet: Bool { flag.load(ordering: .relaxed) }
}

/// Failed requests of a load test: how many, and the first few reasons (for the failure message).
final class FailureLog: Sendable {
    private let state = Mutex<(count: Int, first: [String])>((0, []))

    func record(_ reason: String) {
        state.withLock { state in
            state.count += 1
            if state.first.count < 5 { state.first.append(reason) }
        }
    }

    var count: Int { state.withLock { $0.count } }
    var firstReasons: [String] { state.withLock { $0.first } }
}
