/// Collects per-request latencies and summarises them.
struct LatencyRecorder: Sendable {
    private(set) var samples: [Duration] = []

    init(capacity: Int) {
        samples.reserveCapacity(capacity)
    }

    mutating func record(_ duration: Duration) {
        samples.append(duration)
    }

    mutating func merge(_ other: LatencyRecorder) {
        samples.append(contentsOf: other.samples)
    }

    /// The value below which `fraction` of the samples fall (nearest rank).
    func percentile(_ fraction: Double) -> Duration {
        guard !samples.isEmpty else { return .zero }
        let sorted = samples.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}

extension Duration {
    /// Microseconds as a Double, for printing.
    var microseconds: Double {
        Double(components.seconds) * 1_000_000 + Double(components.attoseconds) / 1_000_000_000_000
    }
}
