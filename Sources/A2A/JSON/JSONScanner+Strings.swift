/// String scanning (with escape and UTF-8 validation) and unescaping.
extension JSONScanner {
    /// Validates the string starting at the cursor (on its opening quote).
    mutating func scanString() throws(JSONSyntaxError) {
        index += 1  // opening quote
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                try scanEscape()
            case 0x00..<0x20:
                throw error("unescaped control character in a string")
            case 0x80...:
                try scanUTF8Sequence()
            default:
                index += 1
            }
        }
        throw error("unterminated string")
    }

    /// The unescaped contents of a string whose range (quotes included) was returned by a scan.
    func stringValue(_ range: Range<Int>) -> String {
        let body = bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]
        guard body.contains(UInt8(ascii: "\\")) else { return String(decoding: body, as: UTF8.self) }
        var result = [UInt8]()
        result.reserveCapacity(body.count)
        var position = body.startIndex
        while position < body.endIndex {
            let byte = body[position]
            guard byte == UInt8(ascii: "\\") else {
                result.append(byte)
                position += 1
                continue
            }
            let escape = body[position + 1]
            position += 2
            switch escape {
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hexValue(at: position)
                position += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    // The scan guaranteed a following `\uDC00`…`\uDFFF`.
                    let low = hexValue(at: position + 2)
                    position += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                result.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default: result.append(escape)  // \" \\ \/
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private mutating func scanEscape() throws(JSONSyntaxError) {
        guard index + 1 < bytes.count else { throw error("unterminated escape sequence") }
        let escape = bytes[index + 1]
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 2
        case UInt8(ascii: "u"):
            let unit = try scanUnicodeEscape()
            if (0xDC00...0xDFFF).contains(unit) { throw error("unpaired low surrogate in \\u escape") }
            if (0xD800...0xDBFF).contains(unit) {
                guard peek() == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u"),
                    (0xDC00...0xDFFF).contains(try scanUnicodeEscape())
                else { throw error("unpaired high surrogate in \\u escape") }
            }
        default:
            throw error("invalid escape sequence '\\\(Unicode.Scalar(escape))'")
        }
    }

    /// Consumes `\uXXXX` at the cursor and returns the code unit.
    private mutating func scanUnicodeEscape() throws(JSONSyntaxError) -> UInt32 {
        guard index + 6 <= bytes.count else { throw error("truncated \\u escape") }
        for offset in 2..<6 where hexDigit(bytes[index + offset]) == nil {
            throw error("invalid hex digit in \\u escape")
        }
        let unit = hexValue(at: index + 2)
        index += 6
        return unit
    }

    /// Consumes one multi-byte UTF-8 sequence, rejecting overlong forms, surrogates and values past U+10FFFF.
    private mutating func scanUTF8Sequence() throws(JSONSyntaxError) {
        let lead = bytes[index]
        let continuationCount: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: continuationCount = 1
        case 0xE0: continuationCount = 2; secondRange = 0xA0...0xBF
        case 0xED: continuationCount = 2; secondRange = 0x80...0x9F
        case 0xE1...0xEF: continuationCount = 2
        case 0xF0: continuationCount = 3; secondRange = 0x90...0xBF
        case 0xF4: continuationCount = 3; secondRange = 0x80...0x8F
        case 0xF1...0xF3: continuationCount = 3
        default: throw error("invalid UTF-8")
        }
        guard index + continuationCount < bytes.count, secondRange.contains(bytes[index + 1]) else {
            throw error("invalid UTF-8")
        }
        for offset in stride(from: 2, through: continuationCount, by: 1)
        where !(0x80...0xBF).contains(bytes[index + offset]) {
            throw error("invalid UTF-8")
        }
        index += continuationCount + 1
    }

    private func hexValue(at position: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            value = value << 4 | UInt32(hexDigit(bytes[position + offset]) ?? 0)
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
