import Foundation

/// `google.protobuf.Timestamp` in ProtoJSON form: an RFC 3339 string.
///
/// Parsing accepts 0–9 fractional digits and `Z` or a `±HH:MM` offset; formatting always writes UTC with
/// millisecond precision (`2026-11-25T19:17:08.661Z`). Both are hand-written over UTF-8 bytes, with no
/// `DateFormatter`, so they are cheap to call per field.
public enum ProtoTimestamp {
    /// `0001-01-01T00:00:00Z`, the earliest representable timestamp, in seconds since 1970.
    static let minimumSeconds: Int64 = -62_135_596_800
    /// `9999-12-31T23:59:59Z`, the latest whole second, in seconds since 1970.
    static let maximumSeconds: Int64 = 253_402_300_799

    /// Formats `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ`, truncated to whole milliseconds.
    /// Dates outside years 0001…9999 are clamped to that range.
    public static func format(_ date: Date) -> String {
        let millis = clampedMilliseconds(date.timeIntervalSince1970)
        let seconds = floorDivide(millis, 1000)
        let milli = Int(millis - seconds * 1000)
        let days = floorDivide(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let civil = CivilDate(daysSince1970: days)
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var writer = DigitWriter(buffer: buffer)
            writer.digits(civil.year, count: 4); writer.byte(UInt8(ascii: "-"))
            writer.digits(civil.month, count: 2); writer.byte(UInt8(ascii: "-"))
            writer.digits(civil.day, count: 2); writer.byte(UInt8(ascii: "T"))
            writer.digits(secondOfDay / 3600, count: 2); writer.byte(UInt8(ascii: ":"))
            writer.digits(secondOfDay / 60 % 60, count: 2); writer.byte(UInt8(ascii: ":"))
            writer.digits(secondOfDay % 60, count: 2); writer.byte(UInt8(ascii: "."))
            writer.digits(milli, count: 3); writer.byte(UInt8(ascii: "Z"))
            return writer.count
        }
    }

    /// Parses an RFC 3339 timestamp (`2026-11-25T19:17:08.661622Z`, `2026-11-25T20:17:08+01:00`);
    /// `nil` when `text` is not one or lies outside years 0001…9999.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes in
            var parser = TimestampParser(bytes: bytes)
            return parser.parse()
        }
    }

    private static func clampedMilliseconds(_ interval: TimeInterval) -> Int64 {
        let lower = Double(minimumSeconds), upper = Double(maximumSeconds) + 0.999
        // `!(x >= lower)` also catches NaN.
        let clamped = !(interval >= lower) ? lower : min(interval, upper)
        let micros = Int64((clamped * 1_000_000).rounded())
        return floorDivide(micros, 1000)
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor < 0) ? quotient - 1 : quotient
    }
}

/// Writes fixed-width decimal fields into a preallocated UTF-8 buffer.
private struct DigitWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    mutating func byte(_ value: UInt8) {
        buffer[count] = value
        count += 1
    }

    mutating func digits(_ value: Int, count width: Int) {
        var remaining = value
        var position = count + width - 1
        while position >= count {
            buffer[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
            position -= 1
        }
        count += width
    }
}
