import Synchronization

/// A version counter that tasks can wait on: ``notify()`` bumps it and wakes every waiter.
///
/// Workload API streams wait on the provider's signal and re-send the caller's full state after each change.
public final class ChangeSignal: Sendable {
    private struct State {
        var version: UInt64 = 0
        var nextWaiter: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// The number of notifications so far.
    public var version: UInt64 { state.withLock { $0.version } }

    /// Records a change and wakes every waiter.
    public func notify() {
        let waiters = state.withLock { state in
            state.version += 1
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters {
            waiter.resume()
        }
    }

    /// Returns once ``version`` is greater than `version`, or when the task is cancelled.
    public func wait(after version: UInt64) async {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state in
                    if state.version > version || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}

extension ChangeSignal {
    /// Returns as soon as any signal passes its version, at `deadline` (if any), or when the task is cancelled.
    static func waitForAny(_ signals: [(ChangeSignal, UInt64)], until deadline: ContinuousClock.Instant?) async {
        await withTaskGroup(of: Void.self) { group in
            for (signal, version) in signals {
                group.addTask { await signal.wait(after: version) }
            }
            if let deadline {
                group.addTask { try? await Task.sleep(until: deadline, clock: .continuous) }
            }
            await group.next()
            group.cancelAll()
        }
    }
}
