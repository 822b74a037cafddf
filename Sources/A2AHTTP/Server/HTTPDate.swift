import Foundation

/// HTTP dates (RFC 9110 IMF-fixdate): `Wed, 25 Nov 2026 21:15:07 GMT`.
enum HTTPDate {
    private static func makeFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }

    static func format(_ date: Date) -> String {
        makeFormatter().string(from: date)
    }

    static func parse(_ text: String) -> Date? {
        makeFormatter().date(from: text)
    }
}
