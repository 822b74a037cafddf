/// Byte-level (UTF-8) substring search, matching Go's `strings` package semantics.
enum ByteSearch {
    /// Offsets of non-overlapping occurrences of `needle` in `haystack` (`needle` non-empty).
    static func occurrences(of needle: [UInt8], in haystack: [UInt8], limit: Int = .max) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var result: [Int] = []
        var index = 0
        let last = haystack.count - needle.count
        while index <= last, result.count < limit {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                result.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return result
    }

    static func contains(_ haystack: String, _ needle: String) -> Bool {
        needle.isEmpty || !occurrences(of: Array(needle.utf8), in: Array(haystack.utf8), limit: 1).isEmpty
    }

    /// Go's `strings.Split`: an empty separator splits into characters (Unicode scalars).
    static func split(_ s: String, separator: String) -> [String] {
        if separator.isEmpty { return s.unicodeScalars.map { String($0) } }
        let bytes = Array(s.utf8), sep = Array(separator.utf8)
        var parts: [String] = []
        var start = 0
        for offset in occurrences(of: sep, in: bytes) {
            parts.append(String(decoding: bytes[start..<offset], as: UTF8.self))
            start = offset + sep.count
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// Go's `strings.ReplaceAll`.
    static func replaceAll(_ s: String, _ old: String, with new: String) -> String {
        if old.isEmpty {
            return new + s.unicodeScalars.map { String($0) + new }.joined()
        }
        return split(s, separator: old).joined(separator: new)
    }
}
