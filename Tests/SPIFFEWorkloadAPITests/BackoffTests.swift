import SPIFFEWorkloadAPI
import Testing

@Suite("Backoff")
struct BackoffTests {
    @Test("waits grow exponentially within the jitter band and stop at the maximum")
    func growth() throws {
        let backoff = try Backoff(initial: .milliseconds(100), maximum: .seconds(2), multiplier: 2, jitter: 0.2)
        let expectedMilliseconds: [Double] = [100, 200, 400, 800, 1600, 2000, 2000]
        for (attempt, expected) in expectedMilliseconds.enumerated() {
            for _ in 0..<20 {
                let delay = backoff.delay(attempt: attempt)
                #expect(delay >= .milliseconds(expected * 0.8) && delay <= .milliseconds(expected * 1.2))
            }
        }
        #expect(backoff.delay(attempt: 10_000) <= .milliseconds(2400))
    }

    @Test("waits are jittered")
    func jitter() throws {
        let delays = Set((0..<50).map { _ in Backoff.default.delay(attempt: 3) })
        #expect(delays.count > 1)
    }

    @Test("out-of-range settings are refused")
    func validation() {
        #expect(throws: WorkloadAPIError.self) {
            try Backoff(initial: .zero, maximum: .seconds(1), multiplier: 2, jitter: 0)
        }
        #expect(throws: WorkloadAPIError.self) {
            try Backoff(initial: .seconds(2), maximum: .seconds(1), multiplier: 2, jitter: 0)
        }
        #expect(throws: WorkloadAPIError.self) {
            try Backoff(initial: .seconds(1), maximum: .seconds(2), multiplier: 0.5, jitter: 0)
        }
        #expect(throws: WorkloadAPIError.self) {
            try Backoff(initial: .seconds(1), maximum: .seconds(2), multiplier: 2, jitter: 1)
        }
    }
}
