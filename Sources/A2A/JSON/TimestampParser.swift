import Foundation

/// Parses `YYYY-MM-DDTHH:MM:SS[.fffffffff](Z|±HH:MM)` from UTF-8 bytes.
struct TimestampParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func parse() -> Date? {
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            expect("T") || expect("t"),
            let hour = number(2), expect(":"), let minute = number(2), expect(":"), let second = number(2),
            let nanos = fraction(), let offset = offsetSeconds(), index == bytes.count
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard year >= 1, date.isValid, hour < 24, minute < 60, second < 60 else { return nil }
        let seconds = date.daysSince1970 * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        guard seconds >= ProtoTimestamp.minimumSeconds, seconds <= ProtoTimestamp.maximumSeconds else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) + Double(nanos) / 1_000_000_000)
    }

    /// Exactly `count` ASCII digits.
    private mutating func number(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for position in index..<(index + count) {
            let digit = Int(bytes[position]) - Int(UInt8(ascii: "0"))
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        index += count
        return value
    }

    private mutating func expect(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// Optional `.` and 1–9 digits, as nanoseconds; `nil` for a malformed fraction.
    private mutating func fraction() -> Int? {
        guard expect(".") else { return 0 }
        var nanos = 0, digits = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            guard digits < 9 else { return nil }
            nanos = nanos * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        guard digits > 0 else { return nil }
        for _ in digits..<9 { nanos *= 10 }
        return nanos
    }

    /// `Z` → 0, `±HH:MM` → signed seconds east of UTC.
    private mutating func offsetSeconds() -> Int? {
        if expect("Z") || expect("z") { return 0 }
        let sign: Int
        if expect("+") {
            sign = 1
        } else if expect("-") {
            sign = -1
        } else {
            return nil
        }
        guard let hours = number(2), expect(":"), let minutes = number(2), hours < 24, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
