import Synchronization

/// Decision ids: a random per-process prefix and a counter — unique, and far cheaper than a UUID
/// on the hot path.
public enum DecisionID {
    private static let prefix: String = {
        let random = UInt64.random(in: 0...UInt64.max)
        let hex = String(random, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }()

    private static let counter = Atomic<UInt64>(0)

    /// A new id.
    public static func next() -> String {
        let value = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return prefix + "-" + String(value, radix: 16)
    }
}
