import Foundation

/// Exponential backoff with jitter, bounded: attempt `n` waits `min(initial × multiplierⁿ, maximum)`, then
/// randomised by ±`jitter`. Defaults follow py-spiffe (0.1 s doubling up to 5 s) with ±20 % jitter.
public struct Backoff: Hashable, Sendable {
    /// The wait before the first retry.
    public let initial: Duration
    /// The longest wait, before jitter.
    public let maximum: Duration
    /// The growth factor per attempt.
    public let multiplier: Double
    /// The relative randomisation, in `0..<1`.
    public let jitter: Double

    /// The default: 100 ms, doubling, at most 5 s, ±20 %.
    public static let `default` = Backoff(
        uncheckedInitial: .milliseconds(100), maximum: .seconds(5), multiplier: 2, jitter: 0.2
    )

    /// A backoff; refuses a non-positive initial wait, a maximum below it, a multiplier below 1 and a jitter
    /// outside `0..<1`.
    public init(initial: Duration, maximum: Duration, multiplier: Double, jitter: Double) throws(WorkloadAPIError) {
        guard initial > .zero else { throw .invalidConfiguration("backoff initial wait must be positive") }
        guard maximum >= initial else {
            throw .invalidConfiguration("backoff maximum must be at least the initial wait")
        }
        guard multiplier >= 1, multiplier.isFinite else {
            throw .invalidConfiguration("backoff multiplier must be at least 1")
        }
        guard (0..<1).contains(jitter) else { throw .invalidConfiguration("backoff jitter must be in 0..<1") }
        self.init(uncheckedInitial: initial, maximum: maximum, multiplier: multiplier, jitter: jitter)
    }

    private init(uncheckedInitial initial: Duration, maximum: Duration, multiplier: Double, jitter: Double) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
        self.jitter = jitter
    }

    /// The wait before retry number `attempt` (0-based).
    public func delay(attempt: Int) -> Duration {
        let initialSeconds = Self.seconds(initial)
        let maximumSeconds = Self.seconds(maximum)
        let exponent = Double(min(max(attempt, 0), 64))
        let base = min(initialSeconds * pow(multiplier, exponent), maximumSeconds)
        let jittered = base * Double.random(in: (1 - jitter)...(1 + jitter))
        return .milliseconds(Int64((jittered * 1000).rounded()))
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
