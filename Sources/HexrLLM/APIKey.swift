import Foundation

/// An API key that never shows itself: printing, interpolating, dumping or reflecting it yields
/// `<redacted>`. Only ``value`` reveals it, to build a request header.
struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret itself.
    let value: String

    var description: String { "<redacted>" }
    var debugDescription: String { "<redacted>" }
    var customMirror: Mirror { Mirror(self, children: [:]) }

    /// `text` with every occurrence of the key replaced by `<redacted>`, for provider messages
    /// that might echo it.
    func redact(_ text: String) -> String {
        text.replacingOccurrences(of: value, with: "<redacted>")
    }
}
