import Foundation
import Testing

@testable import A2A

@Suite struct ModelTimestampTests {
    @Test func formatsUTCWithMilliseconds() {
        let date = Date(timeIntervalSince1970: 1_795_634_228.661)
        #expect(ProtoTimestamp.format(date) == "2026-11-25T19:17:08.661Z")
        #expect(ProtoTimestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test func parsesMicrosecondsAsSentByThePythonSDK() throws {
        let date = try Wire.date("2026-11-25T19:17:08.661622Z")
        #expect(abs(date.timeIntervalSince1970 - 1_795_634_228.661622) < 0.000_001)
        // Formatting truncates to milliseconds.
        #expect(ProtoTimestamp.format(date) == "2026-11-25T19:17:08.661Z")
    }

    @Test(arguments: [
        ("2026-11-25T19:17:08Z", 1_795_634_228.0),
        ("2026-11-25T19:17:08.6Z", 1_795_634_228.6),
        ("2026-11-25T19:17:08.661Z", 1_795_634_228.661),
        ("2026-11-25T19:17:08.661622333Z", 1_795_634_228.661622333),
        ("2026-11-25t19:17:08.5z", 1_795_634_228.5),
        ("2026-11-25T20:17:08.661+01:00", 1_795_634_228.661),
        ("2026-11-25T14:47:08.661-04:30", 1_795_634_228.661),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
        ("1969-12-31T23:59:59.5Z", -0.5),
        ("0001-01-01T00:00:00Z", -62_135_596_800.0),
        ("9999-12-31T23:59:59.999Z", 253_402_300_799.999),
    ])
    func parsesRFC3339Variants(text: String, seconds: Double) throws {
        let date = try Wire.date(text)
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_01)
    }

    @Test(arguments: [
        "", "2026-11-25", "2026-11-25T19:17:08", "2026-11-25 19:17:08Z", "2026-13-01T00:00:00Z",
        "2026-02-29T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-25T24:00:00Z", "2026-11-25T19:60:00Z",
        "2026-11-25T19:17:60Z", "2026-11-25T19:17:08.Z", "2026-11-25T19:17:08.1234567890Z",
        "2026-11-25T19:17:08+0100", "2026-11-25T19:17:08+01:00x", "0000-12-31T00:00:00Z", "26-11-25T19:17:08Z",
        "2026-11-25T19:17:08.66Zjunk", "２０２６-11-25T19:17:08Z",
    ])
    func rejectsMalformedTimestamps(text: String) {
        #expect(ProtoTimestamp.parse(text) == nil)
    }

    @Test func formatAndParseRoundTripAcrossCalendarEdges() throws {
        for text in [
            "1600-03-01T00:00:00.000Z", "1900-02-28T23:59:59.999Z", "2000-02-29T12:00:00.001Z",
            "2026-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00.000Z",
            "9999-12-31T23:59:59.999Z",
        ] {
            #expect(ProtoTimestamp.format(try Wire.date(text)) == text)
        }
    }

    @Test func formatClampsDatesOutsideTheTimestampRange() {
        #expect(ProtoTimestamp.format(Date(timeIntervalSince1970: -1e15)) == "0001-01-01T00:00:00.000Z")
        #expect(ProtoTimestamp.format(Date(timeIntervalSince1970: 1e15)) == "9999-12-31T23:59:59.999Z")
        #expect(ProtoTimestamp.format(Date(timeIntervalSince1970: .nan)) == "0001-01-01T00:00:00.000Z")
    }

    @Test func badTimestampFieldNamesTheField() {
        let failure = Wire.failure(TaskStatus.self, #"{"state":"TASK_STATE_WORKING","timestamp":"yesterday"}"#)
        #expect(failure?.field == "timestamp")
        #expect(failure?.problem.contains("RFC 3339") == true)
    }
}
