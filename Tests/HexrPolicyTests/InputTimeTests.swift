import Foundation
import HexrPolicy
import Rego
import Testing

/// `request.time` is cached per millisecond on the decision path; the cache must never hand one
/// instant's text to another.
@Suite struct InputTimeTests {
    private func time(_ seconds: Double) throws -> String? {
        let input = Inputs.call(from: try Inputs.agent("acme", "a"), to: try Inputs.agent("acme", "b"),
                                time: Date(timeIntervalSince1970: seconds))
        return input.regoValue[path: ["request", "time"]]
    }

    @Test func eachMillisecondAndSecondGetsItsOwnText() throws {
        // Fractions that are exact in binary, so the expected millisecond is not a rounding question.
        #expect(try time(1_795_641_600.25) == "2026-11-25T21:20:00.250Z")
        #expect(try time(1_795_641_600.2500305) == "2026-11-25T21:20:00.250Z")
        #expect(try time(1_795_641_600.375) == "2026-11-25T21:20:00.375Z")
        #expect(try time(1_795_641_601.375) == "2026-11-25T21:20:01.375Z")
        #expect(try time(1_795_641_600.25) == "2026-11-25T21:20:00.250Z")
        #expect(try time(0) == "1970-01-01T00:00:00.000Z")
        #expect(try time(1_795_641_659.5) == "2026-11-25T21:20:59.500Z")
    }
}

extension RegoValue {
    fileprivate subscript(path path: [String]) -> String? {
        var current = self
        for key in path {
            guard case .object(let object) = current, let next = object[key] else { return nil }
            current = next
        }
        guard case .string(let text) = current else { return nil }
        return text
    }
}
