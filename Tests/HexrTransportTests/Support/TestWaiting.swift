import Foundation
import Synchronization

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
