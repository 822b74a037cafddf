import Foundation

/// How often and how patiently a completion is retried when the provider is overloaded or
/// failing (HTTP 429, 500, 502, 503, 504, 529), unreachable, or too slow.
///
/// The wait before retry `n` (1-based) is `initialBackoff · 2^(n-1)`, or the provider's numeric
/// `Retry-After` when it sends one; either is capped at `maxBackoff`.
public struct LLMRetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included; at least 1.
    public var maxAttempts: Int
    /// The wait before the first retry.
    public var initialBackoff: Duration
    /// The longest wait before any retry, `Retry-After` included.
    public var maxBackoff: Duration

    /// Three attempts, waiting 0.5 s then 1 s, never more than 20 s.
    public static let `default` = LLMRetryPolicy()

    /// A single attempt.
    public static let none = LLMRetryPolicy(maxAttempts: 1)

    /// - Parameters:
    ///   - maxAttempts: attempts in all; values below 1 mean 1.
    ///   - initialBackoff: the wait before the first retry.
    ///   - maxBackoff: the longest wait before any retry.
    public init(maxAttempts: Int = 3, initialBackoff: Duration = .milliseconds(500), maxBackoff: Duration = .seconds(20)) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
    }

    /// The wait before retry number `retry` (1-based), given the provider's `Retry-After` value.
    func delay(beforeRetry retry: Int, retryAfter: String?) -> Duration {
        if let retryAfter, let seconds = Double(retryAfter.trimmingCharacters(in: .whitespaces)),
           seconds.isFinite, seconds >= 0
        {
            return min(.seconds(seconds), maxBackoff)
        }
        var wait = initialBackoff
        for _ in 1..<max(1, retry) where wait < maxBackoff {
            wait *= 2
        }
        return min(wait, maxBackoff)
    }
}
